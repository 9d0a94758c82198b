package org.cancelportal.operatordata.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.cancelportal.operatordata.control.CsvImport;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.operatordata.control.FieldProblem;
import org.cancelportal.operatordata.control.ImportNotAppliedException;
import org.cancelportal.operatordata.control.ImportReport;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operator.control.Operators;
import org.cancelportal.web.PageMessages;

/** /admin/import: an operator's subscribers and subscriptions from a CSV file, checked first, all or nothing. */
@Named("operatorImport")
@RequestScoped
public class ImportPage {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    @Inject
    CsvImport csvImport;

    @Inject
    Operators operators;

    @Inject
    SecurityContext security;

    @Inject
    PageMessages messages;

    private String operatorCode;
    private Part file;
    private ImportReport report;

    /** One line of the report: a rejected row and one thing wrong with it. */
    public record Line(long row, String column, String detail) {
    }

    @RolesAllowed("admin")
    public void check() {
        run(false);
    }

    @RolesAllowed("admin")
    public void importFile() {
        run(true);
    }

    private void run(boolean apply) {
        Optional<OperatorAccount> operator = Optional.ofNullable(operatorCode).flatMap(operators::byCode);
        Optional<String> text = text();
        if (operator.isEmpty()) {
            messages.error("admin.import.no-operator");
        }
        if (text.isEmpty()) {
            messages.error("admin.import.no-file");
        }
        if (operator.isEmpty() || text.isEmpty()) {
            return;
        }
        ChangeSource source = ChangeSource.fileImport(operator.get(), security.getCallerPrincipal().getName());
        try {
            report = csvImport.run(source, new StringReader(text.get()), apply);
            if (report.plans() != null) {
                messages.info("admin.import.plans-done", report.rows(), report.plans().created(),
                        report.plans().updated(), report.plans().notices(), report.plans().lateNotices());
            } else {
                messages.info("admin.import.done", report.rows(), report.subscribersCreated(),
                        report.subscribersUpdated(), report.subscriptionsCreated(), report.subscriptionsUpdated());
            }
            if (report.renewalsHeldBack() > 0) {
                messages.error("admin.import.renewals-held-back", report.renewalsHeldBack());
            }
        } catch (ImportNotAppliedException e) {
            report = e.report();
            if (report.rows() == 0) {
                messages.error("admin.import.empty");
            } else if (report.accepted() && report.plans() != null) {
                messages.info("admin.import.plans-checked", report.rows(), report.plans().created(),
                        report.plans().updated(), report.plans().notices(), report.plans().lateNotices());
            } else if (report.accepted()) {
                messages.info("admin.import.checked", report.rows(), report.subscribersCreated(),
                        report.subscribersUpdated(), report.subscriptionsCreated(), report.subscriptionsUpdated());
            } else {
                messages.error("admin.import.rejected", report.rejected().size(), report.rows());
            }
        } catch (InvalidFieldsException e) {
            messages.error("admin.import.unreadable", e.problems().get(0).detail());
        }
    }

    private Optional<String> text() {
        if (file == null || file.getSize() == 0) {
            return Optional.empty();
        }
        if (file.getSize() > MAX_BYTES) {
            messages.error("admin.import.too-large");
            return Optional.empty();
        }
        try (InputStream in = file.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text); // a spreadsheet's byte order mark
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public List<Line> getRejectedLines() {
        if (report == null) {
            return List.of();
        }
        return report.rejected().stream().flatMap(row -> row.problems().stream()
                .map((FieldProblem problem) -> new Line(row.row(), problem.field(), problem.detail()))).toList();
    }

    public List<OperatorAccount> getOperators() {
        return operators.all();
    }

    public String getColumns() {
        return String.join(",", CsvImport.COLUMNS);
    }

    public String getPlanColumns() {
        return String.join(",", CsvImport.PLAN_COLUMNS);
    }

    public String getOperatorCode() {
        return operatorCode;
    }

    public void setOperatorCode(String operatorCode) {
        this.operatorCode = operatorCode;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
