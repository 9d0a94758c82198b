package org.cancelportal.withdrawal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.time.Instant;
import java.util.Locale;
import org.cancelportal.subscription.entity.Subscription;

/**
 * A withdrawal declared on the public page without signing in: what was typed, when it reached us, the subscription
 * it named for certain (if any) and until when the link to the account's own address works, and how it was resolved:
 * withdrawn (through that link, or by support as of the time of receipt) or closed by support with a note.
 */
@Entity
@jakarta.persistence.Table(name = "withdrawal_declaration")
public class WithdrawalDeclaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "received_at")
    private Instant receivedAt;

    private String name;
    private String contract;
    private String email;
    private String locale;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    @OneToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "withdrawal_id")
    private Withdrawal withdrawal;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "confirm_until")
    private Instant confirmUntil;

    @Column(name = "confirmation_withheld")
    private boolean confirmationWithheld;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolution_note")
    private String resolutionNote;

    /** OPEN waits for the link or for support; WITHDRAWN led to the withdrawal; CLOSED was closed with a note. */
    public enum Status {
        OPEN, WITHDRAWN, CLOSED
    }

    protected WithdrawalDeclaration() {
    }

    /**
     * @param subscription the subscription it names for certain, or null
     * @param confirmUntil until when the link to the account's own address works; null when no subscription is named
     */
    public WithdrawalDeclaration(String reference, Instant receivedAt, String name, String contract, String email,
                                 Locale locale, Subscription subscription, Instant confirmUntil) {
        this.reference = reference;
        this.receivedAt = receivedAt;
        this.name = name;
        this.contract = contract;
        this.email = email;
        this.locale = locale.toLanguageTag();
        this.subscription = subscription;
        this.confirmUntil = subscription == null ? null : confirmUntil;
        this.status = Status.OPEN;
    }

    /** Carried out, by the link or by support. */
    public void carriedOut(Withdrawal withdrawal, Instant at, String by) {
        requireOpen();
        this.withdrawal = withdrawal;
        this.status = Status.WITHDRAWN;
        this.resolvedAt = at;
        this.resolvedBy = by;
    }

    public void close(String note, Instant at, String by) {
        requireOpen();
        this.status = Status.CLOSED;
        this.resolutionNote = note;
        this.resolvedAt = at;
        this.resolvedBy = by;
    }

    /** The typed address had its share of our emails within the window: neither the acknowledgement nor a link went. */
    public void withholdEmails() {
        this.confirmationWithheld = true;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Open, naming a subscription, with a link sent to the account's own address. */
    public boolean awaitsConfirmation() {
        return isOpen() && confirmUntil != null && !confirmationWithheld;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("Withdrawal declaration " + reference + " is " + status + " already");
        }
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

    public String getName() {
        return name;
    }

    public String getContract() {
        return contract;
    }

    public String getEmail() {
        return email;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public Subscription getSubscription() {
        return subscription;
    }

    public Withdrawal getWithdrawal() {
        return withdrawal;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getConfirmUntil() {
        return confirmUntil;
    }

    public boolean isConfirmationWithheld() {
        return confirmationWithheld;
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
}
