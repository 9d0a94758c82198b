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
        CancellationMode defaultMode = oneOf(lookup, DEFAULT_MODE, CancellationMode.class, CancellationMode.END_OF_PERIOD);
        boolean immediateOffered = bool(lookup, IMMEDIATE_OFFERED, true);
        RefundRule refundRule = oneOf(lookup, REFUND_RULE, RefundRule.class, RefundRule.PRORATED);
        int fullRefundDays = wholeNumber(lookup, FULL_REFUND_DAYS, 14);
        boolean undoAllowed = bool(lookup, UNDO_ALLOWED, true);
        DataHandling dataHandling = dataHandling(lookup);
        if (defaultMode == CancellationMode.IMMEDIATE && !immediateOffered) {
            throw new InvalidPolicyConfigurationException(DEFAULT_MODE + " is IMMEDIATE but " + IMMEDIATE_OFFERED
                    + " is false; set " + IMMEDIATE_OFFERED + "=true or " + DEFAULT_MODE + "=END_OF_PERIOD");
        }
        return new CancellationPolicy(defaultMode, immediateOffered, refundRule, fullRefundDays, undoAllowed,
                dataHandling);
    }

    private static <E extends Enum<E>> E oneOf(Function<String, Optional<String>> lookup, String key, Class<E> type,
                                               E fallback) {
        Optional<String> raw = value(lookup, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(key, raw.get(), allowed);
        }
    }

    private static boolean bool(Function<String, Optional<String>> lookup, String key, boolean fallback) {
        Optional<String> raw = value(lookup, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, raw.get(), "true, false");
        };
    }

    private static int wholeNumber(Function<String, Optional<String>> lookup, String key, int fallback) {
        Optional<String> raw = value(lookup, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(raw.get());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, raw.get(), "a whole number of days, 0 or more");
    }

    private static DataHandling dataHandling(Function<String, Optional<String>> lookup) {
        Optional<String> raw = value(lookup, DATA_TEXT_KEY);
        if (raw.isEmpty()) {
            return DataHandling.DELETED_AFTER_30_DAYS;
        }
        return DataHandling.ofTextKey(raw.get()).orElseThrow(() -> invalid(DATA_TEXT_KEY, raw.get(),
                Arrays.stream(DataHandling.values()).map(DataHandling::textKey).collect(Collectors.joining(", "))));
    }

    private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::trim).filter(text -> !text.isEmpty());
    }

    private static InvalidPolicyConfigurationException invalid(String key, String value, String allowed) {
        return new InvalidPolicyConfigurationException(
                "Invalid configuration: " + key + " is '" + value + "'; allowed values: " + allowed);
    }
}
