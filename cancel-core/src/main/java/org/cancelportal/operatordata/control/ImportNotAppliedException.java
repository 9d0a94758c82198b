package org.cancelportal.operatordata.control;

/**
 * Ends an import's transaction without keeping anything: a row was rejected, or it was a check only. Thrown, so that
 * the transaction rolls back as a whole; carries the report.
 */
public class ImportNotAppliedException extends RuntimeException {

    private final transient ImportReport report;

    ImportNotAppliedException(ImportReport report) {
        super("Import not applied: " + report.rejected().size() + " rejected of " + report.rows());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
