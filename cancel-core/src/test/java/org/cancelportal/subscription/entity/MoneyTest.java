package org.cancelportal.subscription.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} is held as {2}")
    @CsvSource({
            "9.9,      EUR, 9.90",
            "9,        EUR, 9.00",
            "9.994,    EUR, 9.99",
            "9.995,    EUR, 10.00",
            "0.125,    USD, 0.13",
            "1000,     JPY, 1000",
            "999.5,    JPY, 1000",
            "999.49,   JPY, 999",
            "1.5,      BHD, 1.500",
            "1.2345,   KWD, 1.235",
            "12.3456,  XAU, 12.35"  // gold has no decimals of its own: two are used
    })
    void amountIsHeldAtTheCurrencysOwnDecimalsRoundedHalfUp(String amount, String currency, String expected) {
        Money money = Money.of(amount, currency);

        assertEquals(new BigDecimal(expected), money.amount());
        assertEquals(Currency.getInstance(currency), money.currency());
    }

    @Test
    void equalAmountsWrittenDifferentlyAreEqual() {
        assertEquals(Money.of("10", "EUR"), Money.of("10.000", "EUR"));
    }

    @ParameterizedTest(name = "{0} {1} * {2}/{3} = {4}")
    @CsvSource({
            "9.99,   EUR, 10, 31, 3.22",
            "0.05,   EUR, 1,  2,  0.03",   // exactly half a cent rounds up, not to even
            "0.15,   EUR, 1,  2,  0.08",
            "9.97,   EUR, 15, 30, 4.99",
            "1001,   JPY, 15, 30, 501",    // 500.5 yen
            "1000,   JPY, 10, 31, 323",
            "5.000,  BHD, 10, 31, 1.613",
            "5.000,  KWD, 1,  16, 0.313",  // 0.3125
            "9.99,   EUR, 31, 31, 9.99",
            "9.99,   EUR, 0,  31, 0.00"
    })
    void fractionIsRoundedHalfUpToTheCurrencysDecimals(String amount, String currency, long numerator,
                                                       long denominator, String expected) {
        Money share = Money.of(amount, currency).fraction(numerator, denominator);

        assertEquals(Money.of(expected, currency), share);
        assertEquals(new BigDecimal(expected), share.amount());
    }

    @Test
    void zeroIsZeroAtTheCurrencysScale() {
        Money zero = Money.zero(Currency.getInstance("BHD"));

        assertTrue(zero.isZero());
        assertEquals(new BigDecimal("0.000"), zero.amount());
        assertFalse(Money.of("0.01", "EUR").isZero());
        assertTrue(Money.of("0.004", "EUR").isZero());
    }
}
