package org.cancelportal.refund.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.entity.RefundBasis;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;
import org.junit.jupiter.api.Test;

/**
 * A refund says which record owes it (a cancellation or a withdrawal), and takes its amount, reference, subscription
 * and earliest day from that record; a cancellation a withdrawal took the place of is superseded once, and only while
 * it is in force.
 */
class RefundBelongsToTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private static Subscription subscription() {
        return new Subscription(new Subscriber("a@example.com", "A", Locale.ENGLISH, ZoneOffset.UTC),
                new Plan("p", "P", Money.of("30", "EUR"), BillingPeriod.MONTHLY), START, START,
                START.plus(Duration.ofDays(30)));
    }

    private static Cancellation cancellation(Subscription subscription, String refund) {
        return new Cancellation("CX-AAAA-BBBB", subscription, START.plus(Duration.ofDays(2)),
                START.plus(Duration.ofDays(30)), CancellationMode.END_OF_PERIOD, Money.of(refund, "EUR"), Channel.WEB,
                "a@example.com", null);
    }

    private static Withdrawal withdrawal(Subscription subscription) {
        return new Withdrawal("WD-CCCC-DDDD", subscription, START.plus(Duration.ofDays(3)),
                START.plus(Duration.ofDays(4)), Channel.API, "operator:shop", new WithdrawalRefund(
                Money.of("30.00", "EUR"), Money.of("27.00", "EUR"), RefundBasis.PROPORTIONAL, 3, 30), null);
    }

    @Test
    void aWithdrawalsRefundBelongsToTheWithdrawalAndOwesWhatItOwes() {
        Subscription subscription = subscription();
        Withdrawal withdrawal = withdrawal(subscription);
        Instant now = START.plus(Duration.ofDays(4));
        Refund refund = new Refund(withdrawal, now, now.plus(Duration.ofDays(5)));

        assertEquals(Refund.Kind.WITHDRAWAL, refund.getKind());
        assertEquals("WD-CCCC-DDDD", refund.getReference());
        assertEquals(Money.of("27.00", "EUR"), refund.getAmount(), "the refund, not what was paid");
        assertEquals(withdrawal.getReceivedAt(), refund.getPromisedAt(), "counted from when it reached us");
        assertEquals(subscription, refund.getSubscription());
        assertNull(refund.getCancellation());
        assertEquals(RefundStatus.DUE, refund.getStatus());
    }

    @Test
    void aCancellationsRefundBelongsToTheCancellation() {
        Cancellation cancellation = cancellation(subscription(), "12.50");
        Refund refund = new Refund(cancellation, START, START.plus(Duration.ofDays(5)));

        assertEquals(Refund.Kind.CANCELLATION, refund.getKind());
        assertEquals("CX-AAAA-BBBB", refund.getReference());
        assertEquals(Money.of("12.50", "EUR"), refund.getAmount());
        assertEquals(cancellation.getRequestedAt(), refund.getPromisedAt());
        assertNull(refund.getWithdrawal());
    }

    @Test
    void aScheduledCancellationIsSupersededOnceAndNotAfterItWasUndone() {
        Cancellation scheduled = cancellation(subscription(), "0");
        assertFalse(scheduled.isSuperseded());
        Instant at = START.plus(Duration.ofDays(4));
        scheduled.supersededBy("WD-CCCC-DDDD", at);
        assertTrue(scheduled.isSuperseded());
        assertEquals("WD-CCCC-DDDD", scheduled.getSupersededBy());
        assertEquals(at, scheduled.getSupersededAt());
        assertFalse(scheduled.isUndone(), "superseded is not undone: the figures still count it as a cancellation");
        assertThrows(IllegalStateException.class, () -> scheduled.supersededBy("WD-EEEE-FFFF", at));

        Cancellation undone = cancellation(subscription(), "0");
        undone.undo(at, "a@example.com");
        assertThrows(IllegalStateException.class, () -> undone.supersededBy("WD-CCCC-DDDD", at));
    }
}
