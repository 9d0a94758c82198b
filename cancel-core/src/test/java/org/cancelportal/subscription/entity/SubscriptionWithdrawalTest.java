package org.cancelportal.subscription.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SubscriptionWithdrawalTest {

    private static Subscription active() {
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        return new Subscription(new Subscriber("a@example.com", "A", Locale.ENGLISH, ZoneOffset.UTC),
                new Plan("p", "P", Money.of("10", "EUR"), BillingPeriod.MONTHLY), start, start,
                start.plusSeconds(86_400L * 31));
    }

    @Test
    void anActiveContractIsWithdrawnFrom() {
        Subscription subscription = active();
        subscription.withdraw();
        assertEquals(SubscriptionStatus.WITHDRAWN, subscription.getStatus());
    }

    @Test
    void aWithdrawalSupersedesAScheduledCancellation() {
        Subscription subscription = active();
        subscription.scheduleEnd();
        subscription.withdraw();
        assertEquals(SubscriptionStatus.WITHDRAWN, subscription.getStatus());
    }

    @Test
    void aWithdrawalIsFinal() {
        Subscription subscription = active();
        subscription.withdraw();
        assertThrows(IllegalStateException.class, subscription::withdraw);
        assertThrows(IllegalStateException.class, subscription::resume);
        assertThrows(IllegalStateException.class, subscription::scheduleEnd);
        assertThrows(IllegalStateException.class, subscription::end);
    }

    @Test
    void anEndedContractCannotBeWithdrawnFrom() {
        Subscription subscription = active();
        subscription.end();
        assertThrows(IllegalStateException.class, subscription::withdraw);
    }
}
