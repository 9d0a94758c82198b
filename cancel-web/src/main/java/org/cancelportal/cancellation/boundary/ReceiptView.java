package org.cancelportal.cancellation.boundary;

import java.io.Serializable;

/**
 * A cancellation receipt as the page states it: every fact already in the reader's language and time zone.
 * supersededBy: the reference of the withdrawal that took this cancellation's place, or null; supersededLink: the
 * path to that withdrawal's confirmation, signed, so whoever may read this receipt may read that too.
 */
public record ReceiptView(String reference, String planName, String receivedAt, String effectiveAt,
                          boolean immediate, RefundWording refund, String dataTextKey,
                          boolean undone, String undoneAt, boolean takenEffect, boolean undoPossible,
                          boolean signedIn, String supersededBy, String supersededAt,
                          String supersededLink) implements Serializable {
}
