package org.cancelportal.operatordata.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cancelportal.subscription.entity.Plan;

/**
 * What an operator may set on its own plan: pure rules, each problem named by the field as the API and the import
 * call it. A plan keeps its currency and billing period (a change there is a new plan); its name, price and
 * withdrawal period may change.
 */
public final class PlanTerms {

    public static final int MAX_WITHDRAWAL_DAYS = 365;
    /** How far ahead a new price may be announced. */
    public static final Duration MAX_EFFECTIVE_AHEAD = Duration.ofDays(366);

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Set<String> PERIODS = Set.of("MONTHLY", "YEARLY");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    private PlanTerms() {
    }

    /** @throws InvalidFieldsException naming "code", if it cannot be a plan code */
    public static void checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidFieldsException("code", "A plan code has 1 to 64 characters: letters, digits and"
                    + " . _ : @ -");
        }
    }

    /** Every problem of these details, for a new plan (existing null) or a change of one. */
    public static List<FieldProblem> problems(PlanDetails details, Plan existing, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.name() == null || details.name().isBlank()) {
            problems.add(new FieldProblem("name", "Give the plan's name, as your customers know it."));
        } else if (details.name().strip().length() > 200) {
            problems.add(new FieldProblem("name", "A name has at most 200 characters."));
        }
        Currency currency = currency(details.currency(), problems);
        price(details.price(), currency, problems);
        if (details.billingPeriod() == null || !PERIODS.contains(details.billingPeriod())) {
            problems.add(new FieldProblem("billing_period", "Say MONTHLY or YEARLY."));
        }
        Integer days = details.withdrawalDays();
        if (days != null && (days < 0 || days > MAX_WITHDRAWAL_DAYS)) {
            problems.add(new FieldProblem("withdrawal_days", "Give 0 (no right of withdrawal) or 1 to "
                    + MAX_WITHDRAWAL_DAYS + " days, or leave it out for the portal's default period."));
        }
        Instant effective = details.priceEffectiveAt();
        if (effective != null && effective.isBefore(now)) {
            problems.add(new FieldProblem("price_effective_at", "A new price cannot take effect in the past; leave"
                    + " this out for each subscription's next charge."));
        } else if (effective != null && effective.isAfter(now.plus(MAX_EFFECTIVE_AHEAD))) {
            problems.add(new FieldProblem("price_effective_at", "A new price can be announced at most "
                    + MAX_EFFECTIVE_AHEAD.toDays() + " days ahead."));
        }
        if (existing != null) {
            if (currency != null && !existing.getPrice().currency().equals(currency)) {
                problems.add(new FieldProblem("currency", "A plan keeps its currency ("
                        + existing.getPrice().currency().getCurrencyCode() + "); make a new plan for another."));
            }
            if (details.billingPeriod() != null && PERIODS.contains(details.billingPeriod())
                    && !existing.getBillingPeriod().name().equals(details.billingPeriod())) {
                problems.add(new FieldProblem("billing_period", "A plan keeps its billing period ("
                        + existing.getBillingPeriod() + "); make a new plan for another."));
            }
        }
        return problems;
    }

    private static Currency currency(String code, List<FieldProblem> problems) {
        if (code != null && code.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                // not a currency; said below
            }
        }
        problems.add(new FieldProblem("currency", "Give the currency as an ISO 4217 code, such as EUR."));
        return null;
    }

    private static void price(BigDecimal price, Currency currency, List<FieldProblem> problems) {
        if (price == null) {
            problems.add(new FieldProblem("price", "Give the price of one billing period, such as \"9.99\"."));
        } else if (price.signum() < 0 || price.compareTo(MAX_PRICE) >= 0) {
            problems.add(new FieldProblem("price", "A price is 0 or more, and less than " + MAX_PRICE.toPlainString()
                    + "."));
        } else if (currency != null && price.stripTrailingZeros().scale() > Math.max(0,
                currency.getDefaultFractionDigits())) {
            problems.add(new FieldProblem("price", "A price in " + currency.getCurrencyCode() + " has at most "
                    + Math.max(0, currency.getDefaultFractionDigits()) + " decimals."));
        }
    }
}
