package org.cancelportal.cancellation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the cancellation policy from MicroProfile Config and checks it when the application starts, so a typo stops
 * the start with a message naming the key and the values it takes, instead of silently changing what customers get.
 */
@ApplicationScoped
public class PolicyConfiguration {

    public static final String PREFIX = "cancel.policy.";
    static final String DEFAULT_MODE = PREFIX + "default-mode";
    static final String IMMEDIATE_OFFERED = PREFIX + "immediate-offered";
    static final String REFUND_RULE = PREFIX + "refund-rule";
    static final String FULL_REFUND_DAYS = PREFIX + "full-refund-days";
    static final String UNDO_ALLOWED = PREFIX + "undo-allowed";
    static final String DATA_TEXT_KEY = PREFIX + "data-text-key";

    @Inject
    Config config;

    @Produces
    @Singleton
    CancellationPolicy policy() {
        return fromConfig(key -> config.getOptionalValue(key, String.class));
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started, CancellationPolicy policy) {
        // Injecting the policy is enough: producing it validates every key.
    }

    public static CancellationPolicy fromConfig(Function<String, Optional<String>> lookup) {
        CancellationMode defaultMode = oneOf(lookup, DEFAULT_MODE, CancellationMode.class);
        boolean immediateOffered = bool(lookup, IMMEDIATE_OFFERED);
        RefundRule refundRule = oneOf(lookup, REFUND_RULE, RefundRule.class);
        int fullRefundDays = wholeNumber(lookup, FULL_REFUND_DAYS);
        boolean undoAllowed = bool(lookup, UNDO_ALLOWED);
        DataHandling dataHandling = dataHandling(lookup);
        if (defaultMode == CancellationMode.IMMEDIATE && !immediateOffered) {
            throw new InvalidPolicyConfigurationException(DEFAULT_MODE + " is IMMEDIATE but " + IMMEDIATE_OFFERED
                    + " is false; set " + IMMEDIATE_OFFERED + "=true or " + DEFAULT_MODE + "=END_OF_PERIOD");
        }
        return new CancellationPolicy(defaultMode, immediateOffered, refundRule, fullRefundDays, undoAllowed,
                dataHandling);
    }

    private static <E extends Enum<E>> E oneOf(Function<String, Optional<String>> lookup, String key, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        String raw = value(lookup, key, allowed);
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid(key, raw, allowed);
        }
    }

    private static boolean bool(Function<String, Optional<String>> lookup, String key) {
        String raw = value(lookup, key, "true, false");
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, raw, "true, false");
        };
    }

    private static int wholeNumber(Function<String, Optional<String>> lookup, String key) {
        String allowed = "a whole number of days, 0 or more";
        String raw = value(lookup, key, allowed);
        try {
            int number = Integer.parseInt(raw);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, raw, allowed);
    }

    private static DataHandling dataHandling(Function<String, Optional<String>> lookup) {
        String allowed = Arrays.stream(DataHandling.values()).map(DataHandling::textKey)
                .collect(Collectors.joining(", "));
        String raw = value(lookup, DATA_TEXT_KEY, allowed);
        return DataHandling.ofTextKey(raw).orElseThrow(() -> invalid(DATA_TEXT_KEY, raw, allowed));
    }

    /** The value, trimmed; portal.xml gives every key its default, so a missing or blank one is a mistake. */
    private static String value(Function<String, Optional<String>> lookup, String key, String allowed) {
        return lookup.apply(key).map(String::trim).filter(text -> !text.isEmpty())
                .orElseThrow(() -> invalid(key, "", allowed));
    }

    private static InvalidPolicyConfigurationException invalid(String key, String value, String allowed) {
        return new InvalidPolicyConfigurationException(
                "Invalid configuration: " + key + " is '" + value + "'; allowed values: " + allowed);
    }
}
