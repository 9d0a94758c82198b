package org.cancelportal.publiccancel.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.cancelportal.cancellation.entity.CancellationMode;

/**
 * A cancellation as someone declared it on the public form, exactly as typed, with the time we received it. It is
 * kept whether or not it matched a subscription; the cancellation it led to, if any, is linked once made.
 */
@Entity
@Table(name = "cancellation_declaration")
public class CancellationDeclaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "received_at")
    private Instant receivedAt;

    private String contract;
    private String name;

    @Column(name = "account_email")
    private String accountEmail;

    @Enumerated(EnumType.STRING)
    private DeclarationKind kind;

    private String reason;

    @Column(name = "desired_end")
    private LocalDate desiredEnd;

    @Column(name = "confirmation_email")
    private String confirmationEmail;

    private String locale;

    @Column(name = "content_hash")
    private String contentHash;

    @Enumerated(EnumType.STRING)
    private DeclarationStatus status;

    @Column(name = "cancellation_id")
    private Long cancellationId;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolution_note")
    private String resolutionNote;

    @Column(name = "confirm_subscription_id")
    private Long confirmSubscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "confirm_mode")
    private CancellationMode confirmMode;

    @Column(name = "confirm_until")
    private Instant confirmUntil;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmation_withheld")
    private boolean confirmationWithheld;

    protected CancellationDeclaration() {
    }

    public CancellationDeclaration(String reference, Instant receivedAt, Declared declared, String contentHash) {
        this.reference = reference;
        this.receivedAt = receivedAt;
        this.contract = declared.contract();
        this.name = declared.name();
        this.accountEmail = declared.accountEmail();
        this.kind = declared.kind();
        this.reason = declared.reason();
        this.desiredEnd = declared.desiredEnd();
        this.confirmationEmail = declared.confirmationEmail();
        this.locale = declared.locale().toLanguageTag();
        this.contentHash = contentHash;
        this.status = DeclarationStatus.OPEN;
    }

    public void cancelled(long cancellationId, Instant at, String by) {
        requireOpen();
        this.status = DeclarationStatus.CANCELLED;
        this.cancellationId = cancellationId;
        this.resolvedAt = at;
        this.resolvedBy = by;
    }

    /**
     * Matched, but what it asks for would end access at once or could not be undone: it waits for the confirmation
     * link sent to the account's own address, bound to this subscription and mode, until the given time.
     */
    public void awaitConfirmation(long subscriptionId, CancellationMode mode, Instant until) {
        requireOpen();
        this.confirmSubscriptionId = subscriptionId;
        this.confirmMode = mode;
        this.confirmUntil = until;
    }

    /** Carried out because the account's owner followed the confirmation link. */
    public void confirmed(long cancellationId, Instant at) {
        if (!awaitsConfirmation()) {
            throw new IllegalStateException("Declaration " + reference + " does not wait for a confirmation");
        }
        cancelled(cancellationId, at, "confirmation link");
        this.confirmedAt = at;
    }

    /** The typed address had its share of our emails within the window: no confirmation email goes there this time. */
    public void withholdConfirmationEmail() {
        this.confirmationWithheld = true;
    }

    /** Open, and waiting for its confirmation link to be followed. */
    public boolean awaitsConfirmation() {
        return isOpen() && confirmSubscriptionId != null;
    }

    public void close(String note, Instant at, String by) {
        requireOpen();
        this.status = DeclarationStatus.CLOSED;
        this.resolutionNote = note;
        this.resolvedAt = at;
        this.resolvedBy = by;
    }

    public boolean isOpen() {
        return status == DeclarationStatus.OPEN;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("Declaration " + reference + " is " + status + " already");
        }
    }

    /** What the person declared, as one value. */
    public Declared declared() {
        return new Declared(contract, name, accountEmail, kind, reason, desiredEnd, confirmationEmail,
                Locale.forLanguageTag(locale));
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public DeclarationStatus getStatus() {
        return status;
    }

    public Long getCancellationId() {
        return cancellationId;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public String getResolutionNote() {
        return resolutionNote;
    }

    public Long getConfirmSubscriptionId() {
        return confirmSubscriptionId;
    }

    public CancellationMode getConfirmMode() {
        return confirmMode;
    }

    public Instant getConfirmUntil() {
        return confirmUntil;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public boolean isConfirmationWithheld() {
        return confirmationWithheld;
    }
}
