package org.cancelportal.cancellation.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.junit.jupiter.api.Test;

class RequesterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anOperatorMayActOnlyOnTheSubscriptionsItPushedIn() {
        Requester shop = Requester.operator("operator:shop", 7);

        assertTrue(shop.mayActOn(subscriptionOfOperator(7L)));
        assertFalse(shop.mayActOn(subscriptionOfOperator(8L)), "another operator's");
        assertFalse(shop.mayActOn(subscriptionOfOperator(null)), "one made in the portal itself");
    }

    @Test
    void staffMayActOnAnySubscription() {
        Requester agent = Requester.staff("support@example.com", Channel.SUPPORT);

        assertTrue(agent.mayActOn(subscriptionOfOperator(7L)));
        assertTrue(agent.mayActOn(subscriptionOfOperator(null)));
    }

    private static Subscription subscriptionOfOperator(Long operatorId) {
        Subscription subscription = new Subscription(new Subscriber("kim@example.com", "Kim", Locale.ENGLISH,
                ZoneOffset.UTC), new Plan("basic", "Basic", Money.of("9.99", "EUR"), BillingPeriod.MONTHLY),
                NOW.minus(40, ChronoUnit.DAYS), NOW.minus(10, ChronoUnit.DAYS), NOW.plus(20, ChronoUnit.DAYS));
        if (operatorId != null) {
            subscription.belongToOperator(operatorId, "sub_1");
        }
        return subscription;
    }
}
