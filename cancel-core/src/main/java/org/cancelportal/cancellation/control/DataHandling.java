package org.cancelportal.cancellation.control;

import java.util.Arrays;
import java.util.Optional;

/** What happens to a subscriber's data after cancelling; each value is a sentence in the message bundles. */
public enum DataHandling {
    DELETED_AFTER_30_DAYS("data.deleted-after-30-days"),
    DELETED_WHEN_ACCESS_ENDS("data.deleted-when-access-ends"),
    DELETED_EXCEPT_INVOICES("data.deleted-except-invoices");

    private final String textKey;

    DataHandling(String textKey) {
        this.textKey = textKey;
    }

    public String textKey() {
        return textKey;
    }

    public static Optional<DataHandling> ofTextKey(String key) {
        return Arrays.stream(values()).filter(value -> value.textKey.equals(key)).findFirst();
    }
}
