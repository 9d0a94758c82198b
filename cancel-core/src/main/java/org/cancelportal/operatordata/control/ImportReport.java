package org.cancelportal.operatordata.control;

import java.util.List;

/**
 * What an import found: each rejected row with its reasons, and what the accepted rows did or would do. When any row
 * is rejected, nothing is imported.
 */
public record ImportReport(int rows, List<RejectedRow> rejected, int subscribersCreated, int subscribersUpdated,
                           int subscriptionsCreated, int subscriptionsUpdated) {

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
