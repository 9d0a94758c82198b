package org.cancelportal.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cancelportal.cancellation.entity.Channel;

/** One line of the audit trail: who did what to which thing, and what it changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String action;

    @Column(name = "subject_type")
    private String subjectType;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "state_before")
    private String stateBefore;

    @Column(name = "state_after")
    private String stateAfter;

    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, Channel channel, String action, String subjectType,
                      String subjectId, String stateBefore, String stateAfter, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.channel = channel;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.stateBefore = stateBefore;
        this.stateAfter = stateAfter;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getStateBefore() {
        return stateBefore;
    }

    public String getStateAfter() {
        return stateAfter;
    }

    public String getDetail() {
        return detail;
    }
}
