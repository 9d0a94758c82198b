package org.cancelportal.insights.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Answers as CSV in UTF-8, written row by row as they are read. The spreadsheet flavour starts with a byte order mark
 * and ends lines with CRLF, so Excel opens umlauts and line breaks correctly. Either way, a cell that a spreadsheet
 * would run as a formula is neutralised: customers write these cells, and a comment is not a program.
 */
public final class ResponseCsv {

    public static final String[] HEADER = {"id", "submitted_at", "cancelled_month", "plan", "billing_period",
            "tenure_band", "channel", "language", "reason", "comment", "fair_outcome", "anonymous", "contact_consent",
            "reviewed", "tags"};
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ResponseCsv() {
    }

    /** @return the number of answers written */
    public static long write(ResponseReader reader, ResponseQuery query, OutputStream out, boolean forSpreadsheet)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (forSpreadsheet) {
            writer.write(BYTE_ORDER_MARK);
        }
        CSVFormat format = (forSpreadsheet ? CSVFormat.EXCEL : CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .get()).builder().setHeader(HEADER).get();
        long[] written = {0};
        CSVPrinter printer = new CSVPrinter(writer, format);
        try {
            reader.stream(query, row -> {
                try {
                    printer.printRecord(cells(row));
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
        return written[0];
    }

    static Object[] cells(ResponseRow row) {
        return new Object[]{row.id(), row.submittedAt().toString(), row.cancelledMonth(),
                safe(row.plan()), row.billingPeriod(), row.tenureBand(), row.channel(), safe(row.language()),
                safe(row.reason()), safe(row.comment()), safe(row.fairOutcome()), row.anonymous(),
                row.contactConsent(), row.reviewed(), safe(String.join(" ", row.tags()))};
    }

    /** A leading =, +, -, @, tab or carriage return makes spreadsheets evaluate a cell; a quote in front stops it. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
