package org.cancelportal.subscription.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in one currency, always held at the currency's own number of decimals. */
public record Money(BigDecimal amount, Currency currency) implements Serializable {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(fractionDigits(currency), RoundingMode.HALF_UP);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** This amount times numerator/denominator, rounded half up to the currency's decimals. */
    public Money fraction(long numerator, long denominator) {
        BigDecimal scaled = amount.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), fractionDigits(currency), RoundingMode.HALF_UP);
        return new Money(scaled, currency);
    }

    private static int fractionDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }
}
