package org.cancelportal.insights.control;

import java.util.Locale;

/** Tags are short lower-case words a team sorts answers with, e.g. "pricing" or "offline-mode". */
public final class Tags {

    public static final int MAX_LENGTH = 40;

    private Tags() {
    }

    /** The tag as stored, or null when nothing usable is left. */
    public static String normalise(String tag) {
        if (tag == null) {
            return null;
        }
        String clean = tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        return clean.isEmpty() ? null : clean;
    }

    public static boolean valid(String tag) {
        return tag != null && tag.length() <= MAX_LENGTH && tag.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");
    }
}
