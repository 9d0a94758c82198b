package org.cancelportal.operatordata.control;

import java.util.List;

/**
 * What an import found: each rejected row with its reasons, and what the accepted rows did or would do. When any row
 * is rejected, nothing is imported. A renewal reported for a cancelled subscription is held back (the cancellation's
 * date is kept) and counted on its own.
 */
public record ImportReport(int rows, List<RejectedRow> rejected, int subscribersCreated, int subscribersUpdated,
                           int subscriptionsCreated, int subscriptionsUpdated, int renewalsHeldBack) {

    /** A row of the file (1 is the first after the header) and what is wrong with it. */
    public record RejectedRow(long row, List<FieldProblem> problems) {
    }

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public boolean accepted() {
        return rejected.isEmpty() && rows > 0;
    }
}
