package org.cancelportal.withdrawal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * it named for certain (if any), and the withdrawal once the account's own address confirmed it.
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

    protected WithdrawalDeclaration() {
    }

    public WithdrawalDeclaration(String reference, Instant receivedAt, String name, String contract, String email,
                                 Locale locale, Subscription subscription) {
        this.reference = reference;
        this.receivedAt = receivedAt;
        this.name = name;
        this.contract = contract;
        this.email = email;
        this.locale = locale.toLanguageTag();
        this.subscription = subscription;
    }

    public void carriedOut(Withdrawal withdrawal) {
        this.withdrawal = withdrawal;
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
}
