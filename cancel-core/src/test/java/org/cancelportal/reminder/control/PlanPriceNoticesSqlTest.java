package org.cancelportal.reminder.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cancelportal.schema.control.SchemaMigration;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one statement that tells a plan's new price to all its subscribers, against the real schema: which
 * subscriptions get a notice, about which charge, held until which moment, late or not, and the operator's event for
 * each late one. The days are each subscriber's own, as {@link ReminderRules#decide} counts them.
 */
class PlanPriceNoticesSqlTest {

    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");
    private static final ReminderRules RULES = new ReminderRules(
            Map.of(Jurisdiction.US, new NoticeWindow(30, 7), Jurisdiction.UK, new NoticeWindow(28, 3),
                    Jurisdiction.ELSEWHERE, new NoticeWindow(30, 7)),
            Map.of(Jurisdiction.US, new NoticeWindow(30, 5), Jurisdiction.UK, new NoticeWindow(28, 3),
                    Jurisdiction.ELSEWHERE, new NoticeWindow(30, 5)),
            new NoticeWindow(0, -1));

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        SchemaMigration.migrate(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void eachSubscriptionThatWillBeChargedAgainIsToldOnceAboutItsOwnNextChargeHeldUntilItsWindowOpens()
            throws Exception {
        long plan = plan("plus", "9.99");
        long inTime = subscription(plan, "US", "America/New_York", "ACTIVE", NOW.plus(Duration.ofDays(20)));
        long tooLate = subscription(plan, "US", "America/New_York", "ACTIVE", NOW.plus(Duration.ofDays(3)));
        long held = subscription(plan, "DE", "Europe/Berlin", "ACTIVE", NOW.plus(Duration.ofDays(50)));
        subscription(plan, "US", "UTC", "CANCELLATION_SCHEDULED", NOW.plus(Duration.ofDays(20)));
        subscription(plan("other", "9.99"), "US", "UTC", "ACTIVE", NOW.plus(Duration.ofDays(20)));

        assertEquals(List.of(3L, 1L), announce(plan, "12.49", NOW));
        assertEquals(List.of(0L, 0L), announce(plan, "12.49", NOW), "a second time writes nothing");

        assertEquals(List.of(
                        inTime + " " + NOW.plus(Duration.ofDays(20)) + " due " + NOW + " on time 9.9900 -> 12.4900",
                        tooLate + " " + NOW.plus(Duration.ofDays(3)) + " due " + NOW + " late 9.9900 -> 12.4900",
                        // 30 days before 1 March, the charge's day in Berlin: from midnight there
                        held + " " + NOW.plus(Duration.ofDays(50)) + " due " + LocalDate.parse("2027-03-01")
                                .minusDays(30).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()
                                + " on time 9.9900 -> 12.4900"),
                notices(plan));
        List<String> events = lateEvents();
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).contains("\"subscriptionId\" : " + tooLate) && events.get(0).contains(
                "\"date\" : \"" + NOW.plus(Duration.ofDays(3)) + "\"") && events.get(0).contains("\"newAmount\" : 12.49"),
                events.get(0));
    }

    @Test
    void aPriceFromALaterDateReachesEachSubscriptionAtItsFirstChargeFromThenOnAtThePriceItWouldHaveHad()
            throws Exception {
        long plan = plan("later", "9.99");
        Instant periodEnd = NOW.plus(Duration.ofDays(20));
        long subscription = subscription(plan, "GB", "UTC", "ACTIVE", periodEnd);
        update("INSERT INTO plan_price (plan_id, amount, applies_from) VALUES (" + plan + ", 9.99, TIMESTAMPTZ 'epoch'),"
                + " (" + plan + ", 11.99, '" + NOW.plus(Duration.ofDays(10)) + "')");
        Instant effective = NOW.plus(Duration.ofDays(25));

        assertEquals(List.of(1L, 0L), announce(plan, "13.99", effective));
        Instant charge = PlanPriceRules.firstChargeOnOrAfter(periodEnd, BillingPeriod.MONTHLY, effective).orElseThrow();
        assertEquals(List.of(subscription + " " + charge + " due " + charge.atZone(ZoneId.of("UTC")).toLocalDate()
                .minusDays(28).atStartOfDay(ZoneId.of("UTC")).toInstant() + " on time 11.9900 -> 13.9900"),
                notices(plan));
    }

    @Test
    void afterAnUndoOnlyThatSubscriptionIsToldEachPriceItsChargesWillBeAtWithThePriceBeforeItOnce() throws Exception {
        long plan = plan("undone", "13.99");
        Instant periodEnd = NOW.plus(Duration.ofDays(20));
        long undone = subscription(plan, "US", "UTC", "ACTIVE", periodEnd);
        subscription(plan, "US", "UTC", "ACTIVE", periodEnd);
        Instant changed = NOW.minus(Duration.ofDays(1));
        Instant later = NOW.plus(Duration.ofDays(25));
        update("INSERT INTO plan_price (plan_id, amount, applies_from) VALUES (" + plan + ", 9.99, TIMESTAMPTZ 'epoch'),"
                + " (" + plan + ", 12.49, '" + changed + "'), (" + plan + ", 13.99, '" + later + "')");

        assertEquals(List.of(1L, 0L), afterUndo(undone, plan, "12.49", changed));
        assertEquals(List.of(1L, 0L), afterUndo(undone, plan, "13.99", later));
        assertEquals(List.of(0L, 0L), afterUndo(undone, plan, "12.49", changed), "a second undo tells nothing new");
        update("UPDATE reminder_notice SET published_at = now(), sent_at = now() WHERE subscription_id = " + undone
                + " AND new_amount = 13.99");
        assertEquals(List.of(0L, 0L), afterUndo(undone, plan, "13.99", later), "a sent notice is not sent again");
        update("UPDATE reminder_notice SET published_at = now(), skipped_at = now() WHERE subscription_id = " + undone
                + " AND new_amount = 12.49");
        assertEquals(List.of(1L, 0L), afterUndo(undone, plan, "12.49", changed),
                "one skipped while the subscription was leaving is held again");
        update("UPDATE reminder_notice SET published_at = NULL, sent_at = NULL WHERE new_amount = 13.99");

        Instant next = PlanPriceRules.firstChargeOnOrAfter(periodEnd, BillingPeriod.MONTHLY, later).orElseThrow();
        assertEquals(List.of(undone + " " + periodEnd + " due " + NOW + " on time 9.9900 -> 12.4900",
                        undone + " " + next + " due " + next.atZone(ZoneId.of("UTC")).toLocalDate().minusDays(30)
                                .atStartOfDay(ZoneId.of("UTC")).toInstant() + " on time 12.4900 -> 13.9900"),
                notices(plan).stream().sorted().toList());
    }

    private static List<Long> afterUndo(long subscription, long plan, String price, Instant effective)
            throws SQLException {
        return run(PlanPriceNotices.statementFor(subscription, RULES, plan, NOW, effective, Money.of(price, "EUR"),
                Money.of("13.99", "EUR"), ""));
    }

    private static List<Long> announce(long plan, String price, Instant effective) throws SQLException {
        return run(PlanPriceNotices.statement(RULES, plan, NOW, effective, Money.of(price, "EUR"),
                Money.of("9.99", "EUR"), ""));
    }

    private static List<Long> run(PlanPriceNotices.Statement statement) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(statement.sql().replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                query.setObject(i + 1, statement.parameters().get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    private static List<String> notices(long plan) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT n.subscription_id, n.charge_at, n.due_at,"
                     + " n.late, n.old_amount, n.new_amount FROM reminder_notice n JOIN subscription s"
                     + " ON s.id = n.subscription_id WHERE s.plan_id = ? AND n.kind = 'PRICE_CHANGE'"
                     + " AND n.published_at IS NULL ORDER BY n.subscription_id")) {
            query.setLong(1, plan);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1) + " " + rows.getTimestamp(2).toInstant() + " due "
                            + rows.getTimestamp(3).toInstant() + (rows.getBoolean(4) ? " late " : " on time ")
                            + rows.getBigDecimal(5) + " -> " + rows.getBigDecimal(6));
                }
            }
        }
        return found;
    }

    private static List<String> lateEvents() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT payload FROM outbox_event"
                     + " WHERE event_type = 'ReminderNoticeLate' AND aggregate_type = 'Subscription'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    private static long plan(String code, String price) throws SQLException {
        return insert("INSERT INTO plan (code, name, price_amount, currency, billing_period) VALUES ('" + code
                + "', 'Plus', " + new BigDecimal(price) + ", 'EUR', 'MONTHLY') RETURNING id");
    }

    private static long subscription(long plan, String country, String zone, String status, Instant periodEnd)
            throws SQLException {
        long subscriber = insert("INSERT INTO subscriber (email, name, time_zone, country) VALUES ('"
                + java.util.UUID.randomUUID() + "@example.com', 'Kim', '" + zone + "', '" + country + "') RETURNING id");
        Instant start = periodEnd.minus(Duration.ofDays(30));
        return insert("INSERT INTO subscription (subscriber_id, plan_id, status, started_at, current_period_start,"
                + " current_period_end) VALUES (" + subscriber + ", " + plan + ", '" + status + "', '" + start
                + "', '" + start + "', '" + periodEnd + "') RETURNING id");
    }

    private static long insert(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
