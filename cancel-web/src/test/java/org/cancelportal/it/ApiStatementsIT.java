package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.api.OperatorClient.Reply;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.FormClient;
import org.cancelportal.it.support.StatementLog;
import org.cancelportal.it.support.StatementLog.Sent;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the operator API costs the database, read from PostgreSQL's own log: an API cancel issues no more statements
 * than its rules need, and no statement of the API's paths reads a whole table that grows with the business. The
 * tables hold 200,000 rows of another operator (written by set-based SQL, then analysed) beside the test's own, so the
 * planner chooses as it would for a real business.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiStatementsIT extends PortalOnly {

    /**
     * The operator's key (read outside any transaction); then in one transaction: the idempotency key taken; the
     * subscription locked at its one read, its plan (with its prices) and subscriber; the new reference checked; the
     * audit entry, the subscription's change, the cancellation (its generated id read back), the outbox event (its
     * position drawn first); the answer stored; the call audited.
     */
    private static final int STATEMENTS_PER_CANCEL = 15;

    /**
     * The operator's key; then in one transaction: the subscriber locked at its one read, the address checked against
     * the operator's others, the new row (its id read back), its audit entry, the call audited.
     */
    private static final int STATEMENTS_PER_SUBSCRIBER_UPSERT = 7;

    /**
     * The operator's key; then in one transaction: the subscriber, the plan (the operator's own, else a shared one)
     * with its prices, the subscription locked at its one read, the new row (its id read back), its audit entry, the
     * call audited. A subscription made by the call has no cancellation or withdrawal to read for its answer.
     */
    private static final int STATEMENTS_PER_SUBSCRIPTION_UPSERT = 10;

    private static final int FILLER = 200_000;
    private static final String FILLER_OPERATOR = "statements-filler";
    private static final Pattern SCAN = Pattern.compile("Seq Scan on (\\w+)");
    /**
     * The tables the filler makes big. (Refunds and withdrawals stay near empty here, and PostgreSQL reads a near-empty
     * table whole whatever its indexes; their lookups go by unique keys, refund_cancellation_uk and
     * withdrawal_one_per_subscription_uk.)
     */
    private static final List<String> GROWING = List.of("subscriber", "subscription", "cancellation",
            "api_idempotency");

    private static StatementLog statements;

    OperatorClient.Created shop;
    OperatorClient api;

    @BeforeAll
    static void aBusinessOfRealisticSize() throws SQLException {
        statements = new StatementLog();
        // replica role: no triggers (the insights counters) and no foreign key checks for the filler
        statements.run("SET session_replication_role = replica");
        statements.run("INSERT INTO operator (code, name, allowed_origins) VALUES ('" + FILLER_OPERATOR
                + "', 'Filler', '') ON CONFLICT (code) DO NOTHING");
        statements.run("WITH o AS (SELECT id FROM operator WHERE code = '" + FILLER_OPERATOR + "')"
                + " INSERT INTO subscriber (email, name, external_id, operator_id)"
                + " SELECT 'filler-' || n || '@statements.invalid', 'Filler ' || n, 'fcus_' || n, o.id"
                + " FROM generate_series(1, " + FILLER + ") n, o");
        statements.run("INSERT INTO subscription (subscriber_id, plan_id, external_reference, status, started_at,"
                + " current_period_start, current_period_end, operator_id)"
                + " SELECT s.id, (SELECT min(id) FROM plan), 'f' || s.external_id, 'CANCELLED', now() - interval '400 days',"
                + " now() - interval '400 days', now() - interval '370 days', s.operator_id"
                + " FROM subscriber s WHERE s.external_id LIKE 'fcus\\_%'");
        statements.run("INSERT INTO cancellation (reference, subscription_id, requested_at, effective_at, mode,"
                + " refund_amount, refund_currency, channel, actor, idempotency_key, operator_id)"
                + " SELECT 'FX-' || su.id, su.id, su.current_period_start, su.current_period_end, 'END_OF_PERIOD', 0,"
                + " 'EUR', 'API', 'filler', 'filler-' || su.id, su.operator_id FROM subscription su"
                + " WHERE su.external_reference LIKE 'ffcus\\_%'");
        statements.run("INSERT INTO api_idempotency (operator_id, idempotency_key, request_hash, response_status,"
                + " response_body, created_at) SELECT s.operator_id, 'filler-' || s.id, repeat('0', 64), 201, '{}',"
                + " now() FROM subscriber s WHERE s.external_id LIKE 'fcus\\_%'");
        statements.run("RESET session_replication_role");
        statements.run("ANALYZE");
    }

    @AfterAll
    static void removeTheFiller() throws SQLException {
        statements.run("SET session_replication_role = replica");
        statements.run("DELETE FROM api_idempotency WHERE idempotency_key LIKE 'filler-%'");
        statements.run("DELETE FROM cancellation WHERE actor = 'filler'");
        statements.run("DELETE FROM subscription WHERE external_reference LIKE 'ffcus\\_%'");
        statements.run("DELETE FROM subscriber WHERE external_id LIKE 'fcus\\_%'");
        statements.run("RESET session_replication_role");
        statements.run("ANALYZE");
        statements.close();
    }

    @BeforeEach
    void newOperator() {
        shop = OperatorClient.newOperator(base, "https://shop.example.com");
        api = shop.client();
    }

    @Test
    void anApiCancelIssuesOnlyTheStatementsItsRulesNeedAndEachUsesAnIndex() throws SQLException {
        subscription("cus_1", "sub_1");

        List<Sent> sent = statements.during(() -> {
            Reply cancelled = api.post("subscriptions/sub_1/cancel", "{}", "Idempotency-Key", "k-1");
            assertEquals(201, cancelled.status(), cancelled.body());
        }, "api_idempotency", "operator_api_key");

        List<Sent> work = sent.stream().filter(s -> !s.isTransactionControl()).toList();
        assertEquals(STATEMENTS_PER_CANCEL, work.size(), listed(sent));
        assertEquals(1, sent.stream().filter(s -> s.sql().equals("COMMIT")).count(),
                "the key, the cancel and the call's audit commit together: " + listed(sent));
        assertNoScanOfAGrowingTable(work);
    }

    @Test
    void aNewSubscriberIsWrittenAndItsCallAuditedInOneTransaction() throws SQLException {
        List<Sent> sent = statements.during(() -> {
            Reply made = api.put("subscribers/cus_3", subscriberBody("cus_3"));
            assertEquals(201, made.status(), made.body());
        }, "operator_api_key", "subscriber");

        assertOneTransaction(STATEMENTS_PER_SUBSCRIBER_UPSERT, sent);
    }

    @Test
    void aNewSubscriptionIsWrittenAndItsCallAuditedInOneTransaction() throws SQLException {
        assertEquals(201, api.put("subscribers/cus_4", subscriberBody("cus_4")).status());

        List<Sent> sent = statements.during(() -> {
            Reply made = api.put("subscriptions/sub_4", subscriptionBody("cus_4"));
            assertEquals(201, made.status(), made.body());
        }, "operator_api_key", "subscription");

        assertOneTransaction(STATEMENTS_PER_SUBSCRIPTION_UPSERT, sent);
    }

    private static void assertOneTransaction(int statementsOfTheWork, List<Sent> sent) {
        assertEquals(statementsOfTheWork, sent.stream().filter(s -> !s.isTransactionControl()).count(), listed(sent));
        assertEquals(1, sent.stream().filter(s -> s.sql().equals("COMMIT")).count(),
                "the change and the call's audit commit together: " + listed(sent));
    }

    @Test
    void theApiReadsListsAndUpsertsUseIndexes() throws SQLException {
        subscription("cus_2", "sub_2");
        assertEquals(201, api.post("subscriptions/sub_2/cancel", "{}", "Idempotency-Key", "k-2").status());

        List<Sent> sent = statements.during(() -> {
            assertEquals(200, api.get("subscriptions/sub_2").status());
            assertEquals(200, api.get("subscribers/cus_2").status());
            assertEquals(200, api.get("subscriptions?limit=50").status());
            assertEquals(200, api.get("cancellations?limit=50").status());
            assertEquals(200, api.put("subscribers/cus_2", subscriberBody("cus_2-renamed")).status());
            assertEquals(200, api.put("subscriptions/sub_2", subscriptionBody("cus_2")).status());
            assertEquals(201, api.post("portal-sessions",
                    "{\"subscriber\":\"cus_2\",\"return_url\":\"https://shop.example.com/account\"}").status());
        }, "operator_api_key");

        assertTrue(sent.size() > 8, listed(sent));
        assertNoScanOfAGrowingTable(sent.stream().filter(s -> !s.isTransactionControl()).toList());
    }

    @Test
    void aListPageReadsItsWithdrawalsOnceNotOnceARow() throws SQLException {
        subscription("cus_5", "sub_5");
        subscription("cus_6", "sub_6");
        subscription("cus_7", "sub_7");

        List<Sent> sent = statements.during(() -> assertEquals(200, api.get("subscriptions?limit=50").status()),
                "operator_api_key");

        assertEquals(1, sent.stream().filter(s -> s.sql().toLowerCase(Locale.ROOT).contains("from withdrawal"))
                .count(), "three subscriptions, one read of their withdrawals: " + listed(sent));
    }

    @Test
    void theSupportDeskSearchReadsWhatItFindsNotTheWholeTable() throws SQLException {
        TestData.Person agent = TestData.newStaff(base, "support");
        FormClient.Page signedIn = FormClient.direct().get(base + "login").submit("login",
                Map.of("login:email", agent.email(), "login:password", agent.password()), "login:submit");

        List<Sent> sent = statements.during(() -> {
            FormClient.Page found = signedIn.client().get(base + "support/search?q=filler-1234");
            assertEquals(200, found.status());
            assertTrue(found.body().contains("filler-1234@statements.invalid"), "the filler is found");
        }, "from subscriber");

        assertTrue(sent.stream().anyMatch(s -> s.sql().contains("LIKE")), listed(sent));
        assertNoScanOfAGrowingTable(sent.stream().filter(s -> s.sql().contains("LIKE")).toList());
    }

    private void assertNoScanOfAGrowingTable(List<Sent> sent) throws SQLException {
        List<String> scans = new ArrayList<>();
        for (Sent statement : sent) {
            if (!statement.sql().matches("(?is)^(SELECT|INSERT|UPDATE|DELETE|WITH)\\b.*")) {
                continue; // session settings: nothing to plan
            }
            String plan = statements.plan(statement.sql());
            Matcher scan = SCAN.matcher(plan);
            while (scan.find()) {
                if (GROWING.contains(scan.group(1))) {
                    scans.add(statement.sql() + "\n" + plan);
                }
            }
        }
        assertEquals(List.of(), scans, "statements that read a whole table");
    }

    private void subscription(String subscriber, String subscription) {
        Reply person = api.put("subscribers/" + subscriber, subscriberBody(subscriber));
        assertEquals(201, person.status(), person.body());
        Reply made = api.put("subscriptions/" + subscription, subscriptionBody(subscriber));
        assertEquals(201, made.status(), made.body());
    }

    private static String subscriberBody(String name) {
        return "{\"email\":\"" + name + "-" + UUID.randomUUID() + "@example.com\",\"name\":\"" + name + "\"}";
    }

    private String subscriptionBody(String subscriber) {
        return "{\"subscriber\":\"" + subscriber + "\",\"plan\":\"" + shop.plan() + "\",\"started_at\":\""
                + TestTime.isoMidnightInDays(-330) + "\",\"current_period_start\":\""
                + TestTime.isoMidnightInDays(-10) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(20) + "\"}";
    }

    private static String listed(List<Sent> sent) {
        return sent.size() + " statements:\n" + sent.stream().map(s -> "  [" + s.connection() + "] " + s.sql())
                .collect(Collectors.joining("\n"));
    }
}
