package org.cancelportal.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResponseCsvTest {

    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3",
            "@SUM(A1)", "\tindented", "\rreturn");
    private static final String AWKWARD = "She said \"no\", twice;\nthen left.\r\nBye";
    private static final String NON_LATIN = "Слишком дорого — 太贵了 — غالي جدا — Grüße";

    /** OWASP's leading characters, each alone and starting a formula a spreadsheet would run. */
    private static final List<String> FORMULAS = List.of("=", "=HYPERLINK(\"http://evil.example\",\"Click\")",
            "+", "+1+cmd|' /C calc'!A0", "-", "-2+3", "@", "@SUM(A1:A9)", "\t", "\t=1+1", "\r", "\r=1+1");
    /** Text columns of the export that hold what people or operators wrote; the others are the system's codes. */
    private static final List<String> WRITTEN_BY_PEOPLE =
            List.of("plan", "language", "reason", "comment", "fair_outcome", "tags");
    private static final List<String> HEADER = List.of("id", "submitted_at", "cancelled_month", "plan",
            "billing_period", "tenure_band", "channel", "language", "reason", "comment", "fair_outcome", "anonymous",
            "contact_consent", "reviewed", "tags");
    private static final LocalDate SUBMITTED = LocalDate.parse("2026-11-02");

    private static InsightsDatabase database;

    @BeforeAll
    static void fill() throws Exception {
        database = new InsightsDatabase();
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        for (String cell : HOSTILE) {
            database.response("basic", "under_1_month", "WEB", "en", "other", at, cell, "fine", false, false);
            at = at.plusSeconds(1);
        }
        database.response("basic", "under_1_month", "WEB", "en", "other", at, AWKWARD, NON_LATIN, true, false);
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    /**
     * Every leading character that OWASP's CSV injection guidance names (and that {@link ResponseCsv#safe} claims to
     * stop), alone and starting a real formula, in every text column whose words come from customers, operators or
     * the team: plan codes and locales come from operators' billing data, reasons, comments and fair outcomes from
     * customers, tags from the team. Checked as a CSV reader parses each flavour, cell by cell, so a quote added to
     * the wrong column, a character lost or a cell moved shows as well as a formula that got through.
     */
    @Test
    void everyTextCellFromAPersonOrOperatorThatStartsLikeAFormulaIsExportedBehindAQuote() throws Exception {
        assertEveryColumnExports(FORMULAS, hostile -> "'" + hostile);
    }

    /** A formula character anywhere but first runs nothing, so the customer's words stay exactly as written. */
    @Test
    void aCellThatOnlyContainsAFormulaCharacterFurtherOnIsExportedUnchanged() throws Exception {
        assertEveryColumnExports(List.of("a=b", "1+1", "well-made", "me@example.com", "tab\tinside", "line\r\nbreak",
                "'=already quoted"), harmless -> harmless);
    }

    /** The same through the reader: customers' comments stored in the database reach the file neutralised. */
    @Test
    void aStoredCommentThatStartsLikeAFormulaIsExportedBehindAQuote() throws Exception {
        List<String> newestFirst = new ArrayList<>();
        HOSTILE.forEach(hostile -> newestFirst.add(0, "'" + hostile));

        List<CSVRecord> rows = parse(export(false));

        assertEquals(newestFirst, rows.subList(1, rows.size()).stream().map(row -> row.get("comment")).toList());
    }

    @Test
    void quotesLineBreaksAndEveryScriptComeBackExactly() throws Exception {
        CSVRecord awkward = parse(export(false)).get(0);

        assertEquals(AWKWARD, awkward.get("comment"));
        assertEquals(NON_LATIN, awkward.get("fair_outcome"));
        assertEquals("true", awkward.get("anonymous"));
    }

    @Test
    void theSpreadsheetFlavourStartsWithAByteOrderMarkAndEndsLinesWithCrLf() throws Exception {
        String plain = export(false);
        String excel = export(true);

        assertFalse(plain.startsWith("\uFEFF"));
        assertTrue(plain.startsWith("id,submitted_at,"));
        assertTrue(excel.startsWith("\uFEFFid,submitted_at,"));
        assertTrue(excel.contains("tags\r\n"));
        assertEquals(values(plain), values(excel.substring(1)), "same content either way");
    }

    @Test
    void theHeaderNamesNothingThatIdentifiesAPerson() {
        assertFalse(String.join(",", ResponseCsv.HEADER).matches(".*(subscriber|email|name|cancellation_id).*"));
    }

    private static String export(boolean excel) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = ResponseCsv.write(new ResponseReader(database.dataSource), new ResponseQuery(
                new InsightsFilter(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), null, null, null,
                        null, null), null, null, null, false, null, 10), out, excel);
        assertEquals(HOSTILE.size() + 1, written);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<List<String>> values(String csv) throws Exception {
        return parse(csv).stream().map(CSVRecord::toList).toList();
    }

    /**
     * Each text in turn in each column written by people, one answer per pair, exported in both flavours; each row
     * must read back exactly, the column holding {@code asCell} of the text. A failure names the flavour, the column
     * and the text as Java writes it.
     */
    private static void assertEveryColumnExports(List<String> texts, UnaryOperator<String> asCell) throws Exception {
        List<ResponseRow> rows = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (String column : WRITTEN_BY_PEOPLE) {
            for (String text : texts) {
                long id = rows.size() + 1;
                rows.add(row(id, column, text));
                expected.add(cells(id, column, asCell.apply(text)));
                cases.add(shown(column, text));
            }
        }
        for (boolean excel : List.of(false, true)) {
            String flavour = excel ? "spreadsheet" : "plain";
            List<List<String>> exported = values(exportOf(rows, excel), excel);
            assertEquals(expected.size(), exported.size(), flavour);
            for (int i = 0; i < rows.size(); i++) {
                String written = cases.get(i);
                assertEquals(expected.get(i), exported.get(i), () -> flavour + ", " + written);
            }
        }
    }

    private static String shown(String column, String text) {
        return column + " \"" + text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    /** The rows as a reader of that flavour sees them, header checked and skipped, byte order mark removed. */
    private static List<List<String>> values(String csv, boolean excel) throws Exception {
        CSVFormat format = excel ? CSVFormat.EXCEL : CSVFormat.RFC4180;
        try (CSVParser parser = format.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(excel ? csv.substring(1) : csv))) {
            assertEquals(HEADER, parser.getHeaderNames());
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    /** The writer fed these rows instead of the database's, so any text can be put in any column. */
    private static String exportOf(List<ResponseRow> rows, boolean excel) throws Exception {
        ResponseReader reader = new ResponseReader() {
            @Override
            public void stream(ResponseQuery query, Consumer<ResponseRow> consumer) {
                rows.forEach(consumer);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(rows.size(), ResponseCsv.write(reader, new ResponseQuery(new InsightsFilter(
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), null, null, null, null, null), null,
                null, null, false, null, 10), out, excel));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An ordinary answer whose one column holds the given text (as its only tag, for the tags). */
    private static ResponseRow row(long id, String column, String text) {
        return new ResponseRow(id, SUBMITTED, "2026-10", or(column, "plan", text, "basic"), "MONTHLY",
                "under_1_month", "WEB", or(column, "language", text, "en"), or(column, "reason", text, "other"),
                or(column, "comment", text, "fine"), or(column, "fair_outcome", text, "a refund"), false, true, false,
                List.of(or(column, "tags", text, "pricing")), List.of());
    }

    /** That answer's cells as they must come out of the file, the given column holding {@code cell}. */
    private static List<String> cells(long id, String column, String cell) {
        return List.of(String.valueOf(id), "2026-11-02", "2026-10", or(column, "plan", cell, "basic"),
                "MONTHLY", "under_1_month", "WEB", or(column, "language", cell, "en"),
                or(column, "reason", cell, "other"), or(column, "comment", cell, "fine"),
                or(column, "fair_outcome", cell, "a refund"), "false", "true", "false",
                or(column, "tags", cell, "pricing"));
    }

    private static String or(String column, String named, String text, String ordinary) {
        return column.equals(named) ? text : ordinary;
    }
}
