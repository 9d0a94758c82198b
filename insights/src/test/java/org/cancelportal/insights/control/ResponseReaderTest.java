package org.cancelportal.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");

    private InsightsDatabase database;
    private ResponseReader reader;

    @BeforeEach
    void start() throws Exception {
        database = new InsightsDatabase();
        reader = new ResponseReader(database.dataSource);
    }

    @AfterEach
    void stop() throws Exception {
        database.close();
    }

    @Test
    void pagingReturnsEveryAnswerExactlyOnceWhileNewOnesArrive() throws Exception {
        Set<Long> existing = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            // pairs share a timestamp, so the id has to break the tie
            existing.add(words("en", "comment " + i, START.plusSeconds(i / 2)));
        }
        ResponseQuery query = new ResponseQuery(november(), null, null, null, true, null, 10);

        List<Long> seen = new ArrayList<>();
        ResponsePage page = reader.page(query);
        int newer = 0;
        while (true) {
            page.items().forEach(row -> seen.add(row.id()));
            words("en", "arrived while paging", START.plusSeconds(3600 + newer++));
            if (page.next() == null) {
                break;
            }
            page = reader.page(query.after(page.next()));
        }

        assertEquals(25, seen.size(), () -> "seen " + seen);
        assertEquals(existing, new HashSet<>(seen));
        assertEquals(3, newer);
    }

    @Test
    void aCursorSurvivesItsWayThroughALink() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-01T09:00:00.123456Z"), 42);

        assertEquals(cursor, Cursor.parse(cursor.token()).orElseThrow());
        assertTrue(Cursor.parse("1; DROP TABLE x").isEmpty());
        assertTrue(Cursor.parse(null).isEmpty());
    }

    @Test
    void searchFindsWordsInTheirOwnLanguageWhateverTheirForm() throws Exception {
        long english = words("en", "The prices went up twice this year", START);
        long german = words("de", "Die Preise sind einfach zu hoch", START.plusSeconds(1));
        words("en", "The app kept crashing on my phone", START.plusSeconds(2));

        assertEquals(List.of(english), ids(search("price")));
        assertEquals(List.of(german), ids(search("Preis")));
        assertEquals(List.of(), ids(search("refund")));
        assertEquals(List.of(), ids(search("\"unbalanced & | !")), "odd input is a search, not an error");
    }

    @Test
    void reviewedTagsAndWordsNarrowTheList() throws Exception {
        long tagged = words("en", "Offline mode please", START);
        long reviewed = words("en", "Too expensive for students", START.plusSeconds(1));
        long silent = database.response("basic", "under_1_month", "WEB", "en", "unused", START.plusSeconds(2), null,
                null, false, false);
        database.update("INSERT INTO survey_response_tag (response_id, tag) VALUES (?, 'offline-mode')", tagged);
        database.update("UPDATE survey_response SET reviewed = TRUE WHERE id = ?", reviewed);

        assertEquals(List.of(tagged), ids(new ResponseQuery(november(), null, null, "Offline Mode", true, null, 10)));
        assertEquals(List.of(reviewed), ids(new ResponseQuery(november(), null, true, null, true, null, 10)));
        assertEquals(List.of(tagged), ids(new ResponseQuery(november(), null, false, null, true, null, 10)));
        assertEquals(List.of(silent, reviewed, tagged), ids(new ResponseQuery(november(), null, null, null, false,
                null, 10)));
        assertEquals(List.of("offline-mode"), reader.page(new ResponseQuery(november(), null, null, null, true, null,
                10)).items().get(1).tags());
    }

    @Test
    void repliesComeWithTheirAnswerInTheOrderTheyWereWritten() throws Exception {
        long answer = words("en", "Family sharing would have kept me", START);
        database.update("INSERT INTO survey_reply (response_id, author, body, written_at) VALUES"
                + " (?, 'pm@example.com', 'Second', now()), (?, 'pm@example.com', 'First', now() - INTERVAL '1 hour')",
                answer, answer);

        ResponseRow row = reader.page(new ResponseQuery(november(), null, null, null, true, null, 10)).items().get(0);

        assertEquals(List.of("First", "Second"), row.replies().stream().map(ResponseRow.Reply::body).toList());
        assertNull(row.replies().get(0).sentAt());
    }

    private List<Long> ids(ResponseQuery query) {
        return ids(reader.page(query));
    }

    private static List<Long> ids(ResponsePage page) {
        return page.items().stream().map(ResponseRow::id).toList();
    }

    private ResponsePage search(String words) {
        return reader.page(new ResponseQuery(november(), words, null, null, true, null, 10));
    }

    private long words(String locale, String comment, Instant at) throws Exception {
        return database.response("basic", "under_1_month", "WEB", locale, "too_expensive", at, comment, null, false,
                false);
    }

    private static InsightsFilter november() {
        return new InsightsFilter(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), null, null, null,
                null, null);
    }
}
