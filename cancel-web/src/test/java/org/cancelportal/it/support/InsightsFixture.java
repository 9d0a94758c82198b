package org.cancelportal.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.cancelportal.schema.control.NativeSql;

/**
 * Four cancellations on a plan of their own, made today by the application's clock (the test clock), whose figures a test works out by hand:
 *
 * <pre>
 * A  en  200 days  WEB  40 s  invited, answered: too_expensive, words, may be contacted
 * B  de   10 days  WEB  20 s  invited, answered: too_expensive, words, anonymous
 * C  en   10 days  WEB  20 s  undone
 * D  en  400 days  SUPPORT    invited, answered: unused, words, may not be contacted
 * </pre>
 *
 * E withdrew from a contract on the plan today: one withdrawal, beside the cancellations and never among them.
 * Each person has a name and email that appear nowhere but in the subscriber table.
 */
@ApplicationScoped
@Transactional
public class InsightsFixture {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public JsonObject create() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String plan = "insights-" + marker;
        long planId = id("INSERT INTO plan (code, name, price_amount, currency, billing_period)"
                + " VALUES (?1, ?2, 9.99, 'EUR', 'MONTHLY') RETURNING id", plan, "Insights Plan " + marker);
        var people = Json.createObjectBuilder();
        people.add("A", person(planId, marker, "A", "en", 200, "WEB", 40, false,
                answer("too_expensive", "Zu teuer for me " + marker, "Half the price " + marker, false, true)));
        people.add("B", person(planId, marker, "B", "de", 10, "WEB", 20, false,
                answer("too_expensive", "Anonyme Worte " + marker, null, true, false)));
        people.add("C", person(planId, marker, "C", "en", 10, "WEB", 20, true, null));
        people.add("D", person(planId, marker, "D", "en", 400, "SUPPORT", null, false,
                answer("unused", "Rarely used it " + marker, null, false, false)));
        withdrawal(planId, marker);
        return Json.createObjectBuilder().add("plan", plan).add("marker", marker).add("people", people).build();
    }

    /** E withdrew from a contract made 5 days ago: a withdrawal, which no cancellation figure may count. */
    private void withdrawal(long planId, String marker) {
        Timestamp now = Timestamp.from(clock.instant());
        long subscriber = id("INSERT INTO subscriber (email, name, locale) VALUES (?1, ?2, 'en') RETURNING id",
                "person-e-" + marker + "@example.com", "Secret Name E" + marker);
        long subscription = id("INSERT INTO subscription (subscriber_id, plan_id, status, started_at,"
                + " current_period_start, current_period_end) VALUES (?1, ?2, 'WITHDRAWN', CAST(?3 AS timestamptz)"
                + " - INTERVAL '5 days', CAST(?3 AS timestamptz) - INTERVAL '5 days', CAST(?3 AS timestamptz)"
                + " + INTERVAL '25 days') RETURNING id", subscriber, planId, now);
        id("INSERT INTO withdrawal (reference, subscription_id, received_at, carried_out_at, channel, actor,"
                + " paid_amount, refund_amount, refund_currency, refund_basis, days_used, period_days)"
                + " VALUES (?1, ?2, ?3, ?3, 'WEB', 'someone', 9.99, 9.99, 'EUR', 'FULL', 0, 30) RETURNING id",
                "WD-" + marker.substring(0, 4).toUpperCase() + "-E000", subscription, now);
    }

    private record Answer(String reason, String comment, String fair, boolean anonymous, boolean consent) {
    }

    private static Answer answer(String reason, String comment, String fair, boolean anonymous, boolean consent) {
        return new Answer(reason, comment, fair, anonymous, consent);
    }

    private JsonObject person(long planId, String marker, String letter, String locale, int tenureDays, String channel,
                              Integer journeySeconds, boolean undone, Answer answer) {
        String email = "person-" + letter.toLowerCase() + "-" + marker + "@example.com";
        String name = "Secret Name " + letter + marker;
        long subscriber = id("INSERT INTO subscriber (email, name, locale) VALUES (?1, ?2, ?3) RETURNING id",
                email, name, locale);
        Timestamp now = Timestamp.from(clock.instant());
        long subscription = id("INSERT INTO subscription (subscriber_id, plan_id, status, started_at,"
                + " current_period_start, current_period_end) VALUES (?1, ?2, ?3, CAST(?4 AS timestamptz)"
                + " - make_interval(days => ?5), CAST(?4 AS timestamptz) - INTERVAL '1 day', CAST(?4 AS timestamptz)"
                + " + INTERVAL '29 days') RETURNING id", subscriber, planId,
                undone ? "ACTIVE" : "CANCELLATION_SCHEDULED", now, tenureDays);
        long cancellation = id("INSERT INTO cancellation (reference, subscription_id, requested_at, effective_at, mode,"
                + " refund_amount, refund_currency, channel, actor, journey_started_at, undone_at, undone_by)"
                + " VALUES (?1, ?2, ?7, CAST(?7 AS timestamptz) + INTERVAL '29 days', 'END_OF_PERIOD', 0, 'EUR', ?3,"
                + " ?4, CAST(?7 AS timestamptz) - make_interval(secs => CAST(?5 AS DOUBLE PRECISION)),"
                + " CASE WHEN ?6 THEN CAST(?7 AS timestamptz) END, CASE WHEN ?6 THEN ?4 END) RETURNING id", "CX-" + marker.substring(0, 4).toUpperCase() + "-" + letter
                + "000", subscription, channel, email, journeySeconds == null ? null : journeySeconds.doubleValue(),
                undone, now);
        var created = Json.createObjectBuilder().add("email", email).add("name", name).add("subscriberId", subscriber);
        if (answer != null) {
            NativeSql.query(em, "INSERT INTO survey_invitation (event_id, cancellation_id, subscriber_id, status, due_at,"
                    + " sent_at, responded_at) VALUES (gen_random_uuid(), ?1, ?2, 'SENT', ?3, ?3, ?3)",
                    cancellation, subscriber, now).executeUpdate();
            created.add("responseId", id("INSERT INTO survey_response (subscriber_id, cancellation_id, anonymous,"
                            + " reason_code, comment, fair_outcome, contact_consent, plan_code, billing_period, tenure_band,"
                            + " channel, locale, cancelled_month, submitted_at, updated_at) VALUES (CAST(?1 AS BIGINT),"
                            + " CAST(?2 AS BIGINT), ?3, ?4, ?5, ?6,"
                            + " ?7, (SELECT code FROM plan WHERE id = ?8), 'MONTHLY',"
                            + " tenure_band(CAST(?12 AS timestamptz) - make_interval(days => ?9), CAST(?12 AS timestamptz)),"
                            + " ?10, ?11, to_char(CAST(?12 AS timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM'), ?12, ?12)"
                            + " RETURNING id",
                    answer.anonymous() ? null : subscriber, answer.anonymous() ? null : cancellation, answer.anonymous(),
                    answer.reason(), answer.comment(), answer.fair(), answer.consent(), planId, tenureDays, channel,
                    locale, now));
        }
        return created.build();
    }

    private long id(String sql, Object... parameters) {
        return ((Number) NativeSql.query(em, sql, parameters).getSingleResult()).longValue();
    }
}
