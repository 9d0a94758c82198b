package org.cancelportal.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResponseCsvTest {

    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3",
            "@SUM(A1)", "\tindented", "\rreturn");
    private static final String AWKWARD = "She said \"no\", twice;\nthen left.\r\nBye";
    private static final String NON_LATIN = "Слишком дорого — 太贵了 — غالي جدا — Grüße";

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

    @Test
    void everyCellThatASpreadsheetWouldRunIsNeutralised() throws Exception {
        List<CSVRecord> rows = parse(export(false));

        for (String hostile : HOSTILE) {
            assertTrue(rows.stream().anyMatch(row -> row.get("comment").equals("'" + hostile)), hostile);
        }
        assertTrue(rows.stream().noneMatch(row -> "=+-@\t\r".indexOf(row.get("comment").charAt(0)) >= 0));
        assertEquals("-", ResponseCsv.safe("-").substring(1));
        assertEquals("a=b", ResponseCsv.safe("a=b"));
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

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
