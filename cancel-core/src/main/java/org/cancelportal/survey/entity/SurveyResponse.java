package org.cancelportal.survey.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One answer to an exit survey. Every question is optional. An anonymous answer keeps only the snapshot (plan,
 * billing period, tenure band, channel, language, month) and the operator it belongs to, which names no one: no
 * subscriber, no cancellation, no contact.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscriber_id")
    private Long subscriberId;

    @Column(name = "cancellation_id")
    private Long cancellationId;

    private boolean anonymous;

    @Column(name = "reason_code")
    private String reasonCode;

    private String comment;

    @Column(name = "fair_outcome")
    private String fairOutcome;

    @Column(name = "contact_consent")
    private boolean contactConsent;

    @Column(name = "plan_code")
    private String planCode;

    @Column(name = "billing_period")
    private String billingPeriod;

    @Column(name = "tenure_band")
    private String tenureBand;

    private String channel;
    private String locale;

    @Column(name = "cancelled_month")
    private String cancelledMonth;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "edit_key_hash")
    private String editKeyHash;

    @Column(name = "editable_until")
    private Instant editableUntil;

    private boolean reviewed;

    @Column(name = "operator_id")
    private Long operatorId;

    @Column(name = "announce_after")
    private Instant announceAfter;

    @Column(name = "announced_at")
    private Instant announcedAt;

    protected SurveyResponse() {
    }

    public SurveyResponse(Snapshot snapshot, String editKeyHash, Instant now, Instant editableUntil) {
        this.planCode = snapshot.planCode();
        this.billingPeriod = snapshot.billingPeriod();
        this.tenureBand = snapshot.tenureBand();
        this.channel = snapshot.channel();
        this.locale = snapshot.locale();
        this.cancelledMonth = snapshot.cancelledMonth();
        this.subscriberId = snapshot.subscriberId();
        this.cancellationId = snapshot.cancellationId();
        this.editKeyHash = editKeyHash;
        this.submittedAt = now;
        this.updatedAt = now;
        this.editableUntil = editableUntil;
        this.operatorId = snapshot.operatorId();
    }

    /** What is known about the person's subscription when they answer, for later analysis. */
    public record Snapshot(Long subscriberId, Long cancellationId, Long operatorId, String planCode,
                           String billingPeriod, String tenureBand, String channel, String locale,
                           String cancelledMonth) {
    }

    public void answer(String reasonCode, String comment, String fairOutcome, boolean contactConsent,
                       boolean anonymous, Instant now) {
        this.reasonCode = reasonCode;
        this.comment = comment;
        this.fairOutcome = fairOutcome;
        this.anonymous = anonymous;
        this.contactConsent = contactConsent && !anonymous;
        if (anonymous) {
            subscriberId = null;
            cancellationId = null;
        }
        this.updatedAt = anonymous ? dayOf(now) : now;
        if (anonymous) {
            submittedAt = dayOf(submittedAt);
        }
        this.announceAfter = announceAfter(isNamed(), editableUntil, operatorId);
    }

    /**
     * When an answer may reach its operator's webhooks: not before it is final (its edit window closed), a named one
     * then, an anonymous one only at the next midnight (UTC), so that when it arrives tells no more than the day it was
     * given and the operator cannot match it to a cancellation by its time. Never without an operator to tell.
     */
    public static Instant announceAfter(boolean named, Instant editableUntil, Long operatorId) {
        if (operatorId == null || editableUntil == null) {
            return null;
        }
        return named ? editableUntil : editableUntil.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    }

    /** Still linked to the person: not anonymous, and its cancellation known (an anonymous one forgets it for good). */
    public boolean isNamed() {
        return !anonymous && cancellationId != null;
    }

    public void announced(Instant now) {
        announcedAt = now;
    }

    /**
     * An anonymous answer keeps only the day it was given (UTC, the day the insights count it on): the instant would
     * match it to whatever else was recorded at that moment.
     */
    public static Instant dayOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.DAYS);
    }

    public boolean isEditable(Instant now) {
        return editableUntil != null && now.isBefore(editableUntil);
    }

    public Long getId() {
        return id;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    public Long getCancellationId() {
        return cancellationId;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getAnnounceAfter() {
        return announceAfter;
    }

    public Instant getAnnouncedAt() {
        return announcedAt;
    }

    public String getBillingPeriod() {
        return billingPeriod;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public String getComment() {
        return comment;
    }

    public String getFairOutcome() {
        return fairOutcome;
    }

    public boolean isContactConsent() {
        return contactConsent;
    }

    public Instant getEditableUntil() {
        return editableUntil;
    }

    public String getPlanCode() {
        return planCode;
    }

    public String getTenureBand() {
        return tenureBand;
    }
}
