package org.cancelportal.cancellation.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Makes references a person can read out on the phone, like {@code CX-7K4M-2QPD}: no 0/O, 1/I/L or U to confuse,
 * 30^8 (about 6.6 * 10^11) possible values.
 */
@ApplicationScoped
public class ReferenceGenerator {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private final SecureRandom random = new SecureRandom();

    public String next() {
        return next("CX-");
    }

    /** A reference with another prefix, for things that must never be mistaken for a cancellation. */
    public String next(String prefix) {
        StringBuilder reference = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /** Accepts what a person types or reads out: any case, with or without dashes and spaces. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String compact = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        if (compact.length() == 10 && compact.startsWith("CX")) {
            compact = compact.substring(2);
        }
        if (compact.length() != 8) {
            return typed.trim();
        }
        return "CX-" + compact.substring(0, 4) + "-" + compact.substring(4);
    }
}
