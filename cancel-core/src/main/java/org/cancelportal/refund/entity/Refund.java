package org.cancelportal.refund.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.entity.Withdrawal;

/**
 * The refund a cancellation or a withdrawal promised (exactly one of them; the table's CHECK is the last guard), and
 * what the operator has said of it.
 */
@Entity
public class Refund {

    /** Which kind of record promised the refund: the subscriber and the operator are told which. */
    public enum Kind {
        CANCELLATION, WITHDRAWAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "cancellation_id")
    private Cancellation cancellation;

    @OneToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "withdrawal_id")
    private Withdrawal withdrawal;

    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private RefundStatus status;

    @Column(name = "due_since")
    private Instant dueSince;

    @Column(name = "due_by")
    private Instant dueBy;

    @Column(name = "overdue_since")
    private Instant overdueSince;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "payment_reference")
    private String paymentReference;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    protected Refund() {
    }

    public Refund(Cancellation cancellation, Instant dueSince, Instant dueBy) {
        this(cancellation.getRefund(), dueSince, dueBy);
        this.cancellation = cancellation;
    }

    public Refund(Withdrawal withdrawal, Instant dueSince, Instant dueBy) {
        this(withdrawal.getRefund().refund(), dueSince, dueBy);
        this.withdrawal = withdrawal;
    }

    private Refund(Money amount, Instant dueSince, Instant dueBy) {
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.status = RefundStatus.DUE;
        this.dueSince = dueSince;
        this.dueBy = dueBy;
    }

    public void paid(LocalDate on, String reference, Instant at, String by) {
        this.status = RefundStatus.PAID;
        this.paidOn = on;
        this.paymentReference = reference;
        this.failureReason = null;
        this.confirmedAt = at;
        this.confirmedBy = by;
    }

    public void failed(String reason, Instant at, String by) {
        this.status = RefundStatus.FAILED;
        this.failureReason = reason;
        this.confirmedAt = at;
        this.confirmedBy = by;
    }

    public void overdue(Instant since) {
        this.status = RefundStatus.OVERDUE;
        this.overdueSince = since;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return withdrawal == null ? Kind.CANCELLATION : Kind.WITHDRAWAL;
    }

    /** The cancellation that promised it; null for a withdrawal's refund. */
    public Cancellation getCancellation() {
        return cancellation;
    }

    /** The withdrawal that promised it; null for a cancellation's refund. */
    public Withdrawal getWithdrawal() {
        return withdrawal;
    }

    /** The public reference of the cancellation or withdrawal it belongs to (CX-… or WD-…). */
    public String getReference() {
        return withdrawal == null ? cancellation.getReference() : withdrawal.getReference();
    }

    public Subscription getSubscription() {
        return withdrawal == null ? cancellation.getSubscription() : withdrawal.getSubscription();
    }

    /** When the cancellation was asked for or the withdrawal reached us: no refund can be paid before that. */
    public Instant getPromisedAt() {
        return withdrawal == null ? cancellation.getRequestedAt() : withdrawal.getReceivedAt();
    }

    public Money getAmount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public RefundStatus getStatus() {
        return status;
    }

    public Instant getDueSince() {
        return dueSince;
    }

    public Instant getDueBy() {
        return dueBy;
    }

    public Instant getOverdueSince() {
        return overdueSince;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }
}
