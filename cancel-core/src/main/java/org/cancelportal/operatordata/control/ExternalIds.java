package org.cancelportal.operatordata.control;

import java.util.regex.Pattern;

/** The operator's own ids, as they appear in our URLs: short, and free of characters that mean something there. */
public final class ExternalIds {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

    private ExternalIds() {
    }

    public static boolean valid(String id) {
        return id != null && FORM.matcher(id).matches();
    }

    /** @throws InvalidFieldsException naming the field, if the id cannot be one of ours */
    public static void check(String field, String id) {
        if (!valid(id)) {
            throw new InvalidFieldsException(field, "An id has 1 to 100 characters: letters, digits and . _ : @ -");
        }
    }
}
