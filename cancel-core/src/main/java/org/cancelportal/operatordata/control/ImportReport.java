package org.cancelportal.operatordata.control;

import java.util.List;

/**
 * What an import found: each rejected row with its reasons, and what the accepted rows did or would do. When any row
 * is rejected, nothing is imported. A renewal reported for a cancelled subscription is held back (the cancellation's
 * date is kept) and counted on its own. A plans file counts plans instead of subscribers.
 */
public record ImportReport(int rows, List<RejectedRow> rejected, int subscribersCreated, int subscribersUpdated,
                           int subscriptionsCreated, int subscriptionsUpdated, int renewalsHeldBack, Plans plans) {

    /**
     * What a plans file did: plans made and changed, and the notices their new prices wrote (and how many late);
     * null for a file of subscribers.
     */
    public record Plans(int created, int updated, int notices, int lateNotices) {
    }

    public ImportReport(int rows, List<RejectedRow> rejected, int subscribersCreated, int subscribersUpdated,
                        int subscriptionsCreated, int subscriptionsUpdated, int renewalsHeldBack) {
        this(rows, rejected, subscribersCreated, subscribersUpdated, subscriptionsCreated, subscriptionsUpdated,
                renewalsHeldBack, null);
    }

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
