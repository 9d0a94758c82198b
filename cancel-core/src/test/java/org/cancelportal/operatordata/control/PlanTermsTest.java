package org.cancelportal.operatordata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanTermsTest {

    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");

    private static PlanDetails details(String price, String currency, String period, Integer days,
                                       Instant effective) {
        return new PlanDetails("Video Monthly", price == null ? null : new BigDecimal(price), currency, period, days,
                effective);
    }

    private static List<String> fields(PlanDetails details, Plan existing) {
        return PlanTerms.problems(details, existing, NOW).stream().map(FieldProblem::field).toList();
    }

    @Test
    void aCompletePlanHasNoProblem() {
        assertEquals(List.of(), fields(details("9.99", "EUR", "MONTHLY", null, null), null));
        assertEquals(List.of(), fields(details("0", "JPY", "YEARLY", 0, NOW), null));
        assertEquals(List.of(), fields(details("120", "USD", "YEARLY", 365, NOW.plus(Duration.ofDays(366))), null));
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertEquals(List.of("name", "currency", "price", "billing_period"),
                fields(new PlanDetails(" ", null, null, null, null, null), null));
    }

    @ParameterizedTest
    @CsvSource({"-1, EUR, price", "9.999, EUR, price", "10.5, JPY, price", "1000000000, EUR, price",
            "9.99, eur, currency", "9.99, XYZ, currency"})
    void aPriceIsNotNegativeHasTheCurrencysDecimalsAndTheCurrencyExists(String price, String currency,
                                                                        String field) {
        assertEquals(List.of(field), fields(details(price, currency, "MONTHLY", null, null), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 366, 1000})
    void theWithdrawalPeriodIsNoneOrOneToAYear(int days) {
        assertEquals(List.of("withdrawal_days"), fields(details("9.99", "EUR", "MONTHLY", days, null), null));
    }

    @Test
    void aNewPriceTakesEffectFromNowToAYearAhead() {
        assertEquals(List.of("price_effective_at"), fields(details("9.99", "EUR", "MONTHLY", null,
                NOW.minusSeconds(1)), null));
        assertEquals(List.of("price_effective_at"), fields(details("9.99", "EUR", "MONTHLY", null,
                NOW.plus(Duration.ofDays(367))), null));
    }

    @Test
    void aPlanKeepsItsCurrencyAndItsBillingPeriod() {
        Plan existing = Plan.ofOperator(1, "video", "Video", Money.of("9.99", "EUR"), BillingPeriod.MONTHLY, null);
        assertEquals(List.of(), fields(details("12.99", "EUR", "MONTHLY", 30, null), existing));
        assertEquals(List.of("currency", "billing_period"), fields(details("12.99", "USD", "YEARLY", null, null),
                existing));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "ä", "x/y"})
    void aCodeIsShortAndSafeInAUrl(String code) {
        assertEquals("code", assertThrows(InvalidFieldsException.class, () -> PlanTerms.checkCode(code))
                .problems().get(0).field());
    }
}
