package org.cancelportal.subscription.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlanPriceTest {

    private static final Instant CHANGED = Instant.parse("2027-03-01T00:00:00Z");
    private static final List<PlanPrice> NINE_THEN_TWELVE = List.of(
            new PlanPrice(new BigDecimal("9.99"), Instant.EPOCH),
            new PlanPrice(new BigDecimal("12.49"), CHANGED));
    private static final Money LAST_SET = Money.of("12.49", "EUR");

    @Test
    void aChargeBeforeTheNewPriceTakesEffectIsAtTheOldPriceAndFromThenOnAtTheNewOne() {
        assertEquals(Money.of("9.99", "EUR"), PlanPrice.at(NINE_THEN_TWELVE, CHANGED.minusSeconds(1), LAST_SET));
        assertEquals(Money.of("12.49", "EUR"), PlanPrice.at(NINE_THEN_TWELVE, CHANGED, LAST_SET));
        assertEquals(Money.of("12.49", "EUR"), PlanPrice.at(NINE_THEN_TWELVE, CHANGED.plusSeconds(86_400 * 400L),
                LAST_SET));
    }

    @Test
    void aPlanWhosePriceNeverChangedHasItsOnePrice() {
        assertEquals(Money.of("5.00", "EUR"), PlanPrice.at(List.of(), Instant.EPOCH, Money.of("5", "EUR")));
    }

    @Test
    void theCurrentPeriodIsPaidAtThePriceOfItsStartAndTheNextChargeAtThePriceOfItsEnd() {
        Subscriber ann = new Subscriber("ann@example.com", "Ann", Locale.GERMANY, ZoneOffset.UTC);
        Plan plan = new Plan("basic", "Basic", Money.of("9.99", "EUR"), BillingPeriod.MONTHLY);
        Subscription subscription = new Subscription(ann, plan, CHANGED.minusSeconds(86_400 * 20L),
                CHANGED.minusSeconds(86_400 * 20L), CHANGED.plusSeconds(86_400 * 8L));
        assertEquals(Money.of("9.99", "EUR"), subscription.amountChargedForCurrentPeriod(),
                "a plan without a price history has its price everywhere");
        assertEquals(subscription.currentPrice(), subscription.nextChargePrice());
    }
}
