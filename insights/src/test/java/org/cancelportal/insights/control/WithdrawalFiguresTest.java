package org.cancelportal.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Withdrawals are counted beside the cancellations, never among them: a withdrawal from a new contract adds nothing to
 * the cancellation figures, and a scheduled cancellation a withdrawal took the place of still counts as the
 * cancellation it was (not as undone). And a refund belongs to a cancellation or to a withdrawal, exactly one.
 */
class WithdrawalFiguresTest {

    private static final LocalDate FROM = LocalDate.parse("2026-10-01");
    private static final LocalDate TO = LocalDate.parse("2026-10-31");

    private static InsightsDatabase database;
    private static InsightsQueries queries;
    private static long supersededCancellation;
    private static long withdrawal;

    @BeforeAll
    static void fill() throws Exception {
        database = new InsightsDatabase();
        queries = new InsightsQueries(database.dataSource);
        database.plan("basic");
        database.plan("premium");
        database.cancellation("basic", "en", 100, "WEB", at("2026-10-02"), 20);
        supersededCancellation = database.cancellation("premium", "de", 3, "WEB", at("2026-10-05"), 40);
        database.withdrawal("premium", "de", 0, "WEB", at("2026-10-06"), supersededCancellation);
        withdrawal = database.withdrawal("basic", "en", 4, "API", at("2026-10-10"), null);
        database.withdrawal("basic", "en", 2, "WEB", at("2026-09-20"), null); // before the period
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void theDashboardCountsThePeriodsWithdrawalsBesideTheCancellationsAndNotAmongThem() {
        InsightsSummary summary = queries.summary(filter(null, null));

        assertEquals(2, summary.withdrawals());
        assertEquals(List.of(2L, 0L), List.of(summary.cancellations().cancelled(), summary.cancellations().undone()),
                "two cancellations, one of them replaced by a withdrawal later: neither undone nor a withdrawal");
    }

    @Test
    void theFiltersNarrowTheWithdrawalsAsTheyNarrowTheCancellations() {
        assertEquals(1, queries.withdrawals(filter("premium", null)));
        assertEquals(1, queries.withdrawals(filter(null, "API")));
        assertEquals(0, queries.withdrawals(filter("premium", "API")));
        assertEquals(1, queries.withdrawals(new InsightsFilter(FROM, TO, null, null, null, "de", null)));
        assertEquals(3, queries.withdrawals(new InsightsFilter(FROM.minusDays(30), TO, null, "under_1_month", null,
                null, null)), "with the one before the period");
        assertEquals(0, queries.withdrawals(new InsightsFilter(FROM, TO, null, "1_to_6_months", null, null, null)));
    }

    @Test
    void aRefundBelongsToACancellationOrAWithdrawalAndNeverToBothOrNeither() throws Exception {
        String insert = "INSERT INTO refund (cancellation_id, withdrawal_id, amount, currency, status, due_since,"
                + " due_by) VALUES (?, ?, 9.99, 'EUR', 'DUE', now(), now() + INTERVAL '5 days')";
        database.update(insert, null, withdrawal);
        assertThrows(SQLException.class, () -> database.update(insert, supersededCancellation, withdrawal), "both");
        assertThrows(SQLException.class, () -> database.update(insert, null, null), "neither");
        assertThrows(SQLException.class, () -> database.update(insert, null, withdrawal), "a second for the same");
    }

    private static InsightsFilter filter(String plan, String channel) {
        return new InsightsFilter(FROM, TO, plan, null, channel, null, null);
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }
}
