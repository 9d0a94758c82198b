package org.cancelportal.refund.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.subscription.entity.Money;

@Entity
public class Refund {

    @Id
    @Column(name = "cancellation_id")
    private Long cancellationId;

    @MapsId
    @OneToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "cancellation_id")
    private Cancellation cancellation;

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
        this.cancellation = cancellation;
        this.amount = cancellation.getRefund().amount();
        this.currency = cancellation.getRefund().currency().getCurrencyCode();
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

    public Cancellation getCancellation() {
        return cancellation;
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
