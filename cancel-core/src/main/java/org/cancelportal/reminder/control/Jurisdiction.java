package org.cancelportal.reminder.control;

import java.util.Locale;
import java.util.Set;

/**
 * Whose reminder rules apply to a subscriber, from the country on their record. The United States are one
 * jurisdiction here: the rules of California, New York, Minnesota and Massachusetts are all applied to every US
 * subscriber (we keep no state), which meets each of them. No country means we cannot tell, so every rule applies.
 */
public enum Jurisdiction {
    US, UK, ELSEWHERE, UNKNOWN;

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public static Jurisdiction of(String country) {
        if (country == null || country.isBlank()) {
            return UNKNOWN;
        }
        return switch (country.strip().toUpperCase(Locale.ROOT)) {
            case "US" -> US;
            case "GB" -> UK;
            default -> ELSEWHERE;
        };
    }

    /** True for an ISO 3166-1 alpha-2 code as written ("DE", not "de" or "DEU"). */
    public static boolean isCountryCode(String code) {
        return code != null && code.matches("[A-Z]{2}") && ISO_COUNTRIES.contains(code);
    }

    /** The jurisdictions whose rules this one has to meet: itself, or all of them when unknown. */
    public Set<Jurisdiction> rulesToMeet() {
        return this == UNKNOWN ? Set.of(US, UK, ELSEWHERE) : Set.of(this);
    }
}
