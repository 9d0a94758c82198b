package org.cancelportal.survey.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** At most one per cancellation: scheduled after it, then sent once or skipped with a reason. */
@Entity
@Table(name = "survey_invitation")
public class SurveyInvitation {

    public enum Status { SCHEDULED, SENT, SKIPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "cancellation_id")
    private Long cancellationId;

    @Column(name = "subscriber_id")
    private Long subscriberId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "skip_reason")
    private String skipReason;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "opt_out_hash")
    private String optOutHash;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /**
     * When a named answer came. For an anonymous one the invitation's own sending time: it says that the invitation
     * was answered (one answer each, no reminder, the response rate) and nothing about when, since the invitation
     * still names the person and their cancellation.
     */
    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "reminder_sent_at")
    private Instant reminderSentAt;

    @Column(name = "reminder_token_hash")
    private String reminderTokenHash;

    @Column(name = "reminder_opt_out_hash")
    private String reminderOptOutHash;

    protected SurveyInvitation() {
    }

    public void skip(String reason) {
        status = Status.SKIPPED;
        skipReason = reason;
    }

    public void sent(Instant at, String tokenHash, String optOutHash, Instant expiresAt) {
        this.status = Status.SENT;
        this.sentAt = at;
        this.tokenHash = tokenHash;
        this.optOutHash = optOutHash;
        this.expiresAt = expiresAt;
    }

    public void reminded(Instant at, String tokenHash, String optOutHash) {
        this.reminderSentAt = at;
        this.reminderTokenHash = tokenHash;
        this.reminderOptOutHash = optOutHash;
    }

    /** Marks the invitation answered: with the time for a named answer only (see {@link #respondedAt}). */
    public void responded(Instant at, boolean anonymous) {
        if (anonymous) {
            respondedAt = sentAt != null ? sentAt : dueAt;
        } else if (respondedAt == null || respondedAt.equals(sentAt)) {
            respondedAt = at;
        }
    }

    public boolean isAnswered() {
        return respondedAt != null;
    }

    public boolean isExpired(Instant now) {
        return expiresAt == null || !now.isBefore(expiresAt);
    }

    public Long getId() {
        return id;
    }

    public UUID getEventId() {
        return eventId;
    }

    public Long getCancellationId() {
        return cancellationId;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    public Status getStatus() {
        return status;
    }

    public String getSkipReason() {
        return skipReason;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }
}
