package org.cancelportal.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.cancelportal.identity.control.PasswordHashes;
import org.cancelportal.identity.entity.UserAccount;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;

/**
 * Creates fresh subscribers for one test each and reads back what the database holds. Every time it writes comes
 * from the application's clock (the test clock, see TestTime), never from the database's now(); where a method makes
 * time pass, it does so by rewriting the rows' times relative to that clock, and says so.
 */
@ApplicationScoped
@Transactional
public class Fixtures {

    public static final String PASSWORD = "test-password-1";

    @PersistenceContext
    EntityManager em;

    @Inject
    org.cancelportal.cancellation.control.CancellationService cancellations;

    @Inject
    Clock clock;

    public record Created(long subscriberId, String email, List<Long> subscriptionIds) {
    }

    /** A login with a staff role and no subscriptions of its own. */
    @Transactional
    public String staffLogin(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        em.persist(new UserAccount(email, PasswordHash.OF_PASSWORD, null, Set.of(role)));
        return email;
    }

    /** A subscriber with a login and one monthly EUR subscription 10 days into a 30-day period. */
    public Created subscriberWithSubscription(String zone) {
        return subscriberWithSubscription(zone, Locale.ENGLISH, "it");
    }

    public Created subscriberWithSubscription(String zone, Locale locale) {
        return subscriberWithSubscription(zone, locale, "it");
    }

    /** The plan code starts with the prefix ("crash" makes the receipt email consumer crash once, see there). */
    public Created subscriberWithSubscription(String zone, Locale locale, String planPrefix) {
        String email = planPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Subscriber subscriber = new Subscriber(email, "Test Person", locale, ZoneId.of(zone));
        em.persist(subscriber);
        Plan plan = new Plan(planPrefix + "-" + UUID.randomUUID(), "Test Plan Monthly", Money.of("30.00", "EUR"),
                BillingPeriod.MONTHLY);
        em.persist(plan);
        Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
        Subscription subscription = new Subscription(subscriber, plan, start, start, start.plus(Duration.ofDays(30)));
        em.persist(subscription);
        em.flush();
        em.persist(new UserAccount(email, PasswordHash.OF_PASSWORD, subscriber.getId(),
                Set.of("subscriber")));
        return new Created(subscriber.getId(), email, List.of(subscription.getId()));
    }

    @Transactional
    public long count(String sql, Object... parameters) {
        return ((Number) NativeSql.query(em, sql, parameters).getSingleResult()).longValue();
    }

    public int execute(String sql, Object... parameters) {
        return NativeSql.query(em, sql, parameters).executeUpdate();
    }

    public Object single(String sql, Object... parameters) {
        return NativeSql.query(em, sql, parameters).getSingleResult();
    }

    @Transactional
    public String status(long subscriptionId) {
        return (String) em.createNativeQuery("SELECT status FROM subscription WHERE id = ?1")
                .setParameter(1, subscriptionId).getSingleResult();
    }

    /** Moves time by rewriting rows: the cancellation was asked for two days ago and took effect a minute ago. */
    @Transactional
    public void letCancellationReachItsEffectiveDate(String reference) {
        Instant now = clock.instant();
        NativeSql.query(em, "UPDATE cancellation SET requested_at = ?1, effective_at = ?2 WHERE reference = ?3",
                Timestamp.from(now.minus(Duration.ofDays(2))), Timestamp.from(now.minus(Duration.ofMinutes(1))),
                reference).executeUpdate();
    }

    /**
     * What the survey stored for a subscriber, one line per row: "invitation STATUS REASON[ reminded]" and
     * "response anonymous=.. subscriber=.. cancellation=.. reason=.. contact=.." (anonymous responses are found
     * through the plan code of the subscriber's subscription, as nothing else links them).
     */
    public String surveyRecords(String email) {
        StringBuilder out = new StringBuilder();
        appendRows(out, "cancellation ", "SELECT c.reference || ' journey=' || coalesce(floor(extract(EPOCH FROM"
                        + " c.requested_at - c.journey_started_at))::text || 's', 'none') FROM cancellation c"
                        + " JOIN subscription su ON su.id = c.subscription_id JOIN subscriber s ON s.id = su.subscriber_id"
                        + " WHERE s.email = ?1 ORDER BY c.id", email);
        appendRows(out, "invitation ", "SELECT i.status || ' ' || coalesce(i.skip_reason, '-')"
                        + " || CASE WHEN i.reminder_sent_at IS NULL THEN '' ELSE ' reminded' END"
                        + " FROM survey_invitation i JOIN subscriber s ON s.id = i.subscriber_id WHERE s.email = ?1"
                        + " ORDER BY i.id", email);
        appendRows(out, "response ", "SELECT 'anonymous=' || r.anonymous || ' subscriber='"
                        + " || coalesce(r.subscriber_id::text, 'none') || ' cancellation='"
                        + " || coalesce(r.cancellation_id::text, 'none') || ' reason=' || coalesce(r.reason_code, 'none')"
                        + " || ' contact=' || r.contact_consent || ' tenure=' || r.tenure_band"
                        + " FROM survey_response r WHERE r.plan_code IN (SELECT p.code FROM plan p"
                        + " JOIN subscription su ON su.plan_id = p.id JOIN subscriber s ON s.id = su.subscriber_id"
                        + " WHERE s.email = ?1) ORDER BY r.id", email);
        return out.toString();
    }

    /** Many subscribers, each cancelling at once: the emails they are owed, all committed together. */
    public void cancelMany(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            Created person = subscriberWithSubscription("UTC", Locale.ENGLISH, prefix);
            cancellations.cancel(new org.cancelportal.cancellation.control.CancelCommand(person.subscriptionIds().get(0),
                    org.cancelportal.cancellation.entity.CancellationMode.END_OF_PERIOD,
                    org.cancelportal.cancellation.control.Requester.subscriber(person.email(), person.subscriberId()),
                    "bulk-" + person.subscriberId()));
        }
    }

    /** Cancels the login's subscription as its subscriber does on the account page; returns the reference. */
    public String cancelAsSubscriber(String login, long subscriptionId,
                                     org.cancelportal.cancellation.entity.CancellationMode mode) {
        return cancellations.cancel(new org.cancelportal.cancellation.control.CancelCommand(subscriptionId, mode,
                subscriberOf(login), "fixture-" + UUID.randomUUID())).getReference();
    }

    /** Undoes the cancellation as its subscriber does with the receipt's button. */
    public void undoAsSubscriber(String login, String reference) {
        cancellations.undo(reference, subscriberOf(login));
    }

    private org.cancelportal.cancellation.control.Requester subscriberOf(String login) {
        long subscriberId = ((Number) NativeSql.query(em, "SELECT subscriber_id FROM app_user WHERE username = ?1",
                login).getSingleResult()).longValue();
        return org.cancelportal.cancellation.control.Requester.subscriber(login, subscriberId);
    }

    /** Parks the subscriber's pending deliveries as dead, as if every retry had failed. */
    public void giveUpDeliveries(String email) {
        em.createNativeQuery("UPDATE outbox_delivery d SET status = 'DEAD', attempts = 10,"
                + " last_error = 'jakarta.mail.MessagingException: Could not connect to SMTP host'"
                + " FROM outbox_event e, subscription s, subscriber p WHERE d.event_id = e.id"
                + " AND e.aggregate_id = s.id::text AND s.subscriber_id = p.id AND p.email = ?1 AND d.status = 'PENDING'")
                .setParameter(1, email).executeUpdate();
    }

    /**
     * Lets the operator's days to confirm a refund run out now, as if the cancellation or withdrawal (by its reference)
     * had been made days ago.
     */
    public void letRefundRunOut(String reference) {
        int changed = NativeSql.query(em, "UPDATE refund SET due_by = due_since WHERE status = 'DUE'"
                + " AND (cancellation_id = (SELECT id FROM cancellation WHERE reference = ?1)"
                + " OR withdrawal_id = (SELECT id FROM withdrawal WHERE reference = ?1))", reference).executeUpdate();
        if (changed != 1) {
            throw new IllegalArgumentException("no refund due for " + reference);
        }
    }

    /** Gives the login's subscriber another email address (their login name stays), as an operator's import would. */
    public void changeMailAddress(String login, String address) {
        int changed = NativeSql.query(em, "UPDATE subscriber SET email = ?1 WHERE id = (SELECT subscriber_id"
                + " FROM app_user WHERE username = ?2)", address, login).executeUpdate();
        if (changed != 1) {
            throw new IllegalArgumentException("no subscriber signs in as " + login);
        }
    }

    /** Forgets how many declarations each address sent, so one test's sending never throttles the next. */
    public void clearPublicCancelThrottle() {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key LIKE 'public-cancel:%'").executeUpdate();
    }

    /**
     * The declarations naming this account email, one line each: "DC-... STATUS received=..." and, for one that
     * led to a cancellation, " -> CX-... channel=... requested=... actor=...".
     */
    public String declarationRecords(String email) {
        StringBuilder out = new StringBuilder();
        appendRows(out, "", "SELECT d.reference || ' ' || d.status || ' received=' || d.received_at"
                        + " || coalesce(' -> ' || c.reference || ' channel=' || c.channel || ' requested='"
                        + " || c.requested_at || ' actor=' || c.actor, '')"
                        + " FROM cancellation_declaration d LEFT JOIN cancellation c ON c.id = d.cancellation_id"
                        + " WHERE lower(d.account_email) = lower(?1) ORDER BY d.id", email);
        return out.toString();
    }

    /** The login's password is stored as a hash made at this lower cost, as the portal made them before. */
    @Transactional
    public void hashPasswordAtLowerCost(String login, int iterations) throws java.security.GeneralSecurityException {
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] key = javax.crypto.SecretKeyFactory.getInstance(PasswordHashes.ALGORITHM).generateSecret(
                new javax.crypto.spec.PBEKeySpec(PASSWORD.toCharArray(), salt, iterations, 256)).getEncoded();
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        NativeSql.query(em, "UPDATE app_user SET password_hash = ?1 WHERE username = ?2", PasswordHashes.ALGORITHM
                + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key), login)
                .executeUpdate();
    }

    /** @return the iterations of the login's stored password hash */
    public int passwordHashIterations(String login) {
        return PasswordHashes.iterations((String) single("SELECT password_hash FROM app_user WHERE username = ?1",
                login));
    }

    /** Moves time by rewriting rows: the subscriber's survey invitations ran out a minute ago. */
    public void expireInvitations(String email) {
        NativeSql.query(em, "UPDATE survey_invitation SET expires_at = ?1"
                + " WHERE subscriber_id = (SELECT id FROM subscriber WHERE email = ?2)",
                Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))), email).executeUpdate();
    }

    /**
     * Moves time by rewriting rows: the answers given on this plan and not yet announced were given two days ago, so
     * their day to change them is over, and each may be announced from when its own rule says (a named one a day ago,
     * an anonymous one since midnight).
     *
     * @return how many answers were moved
     */
    public int letSurveyAnswersBecomeFinal(String planCode) {
        Instant given = clock.instant().minus(Duration.ofDays(2));
        Instant editableUntil = given.plus(Duration.ofDays(1));
        List<?> rows = NativeSql.query(em, "SELECT id, NOT anonymous AND cancellation_id IS NOT NULL, operator_id"
                + " FROM survey_response WHERE plan_code = ?1 AND announced_at IS NULL", planCode).getResultList();
        for (Object row : rows) {
            Object[] answer = (Object[]) row;
            Instant announceAfter = org.cancelportal.survey.entity.SurveyResponse.announceAfter((Boolean) answer[1],
                    editableUntil, answer[2] == null ? null : ((Number) answer[2]).longValue());
            NativeSql.query(em, "UPDATE survey_response SET submitted_at = ?2, updated_at = ?2, editable_until = ?3,"
                            + " announce_after = CAST(?4 AS TIMESTAMPTZ) WHERE id = ?1", ((Number) answer[0]).longValue(),
                    Timestamp.from(given), Timestamp.from(editableUntil),
                    announceAfter == null ? null : Timestamp.from(announceAfter)).executeUpdate();
        }
        return rows.size();
    }

    /**
     * What the outbox holds for the messages owed to this address, one line per row: "event TYPE" for every event of
     * the person's subscriptions, of declarations naming the address and of their survey answers, and
     * "delivery TYPE CONSUMER STATUS attempts=N" for every delivery of those events. A test waits on these lines to
     * know that a message was sent (DONE) or tried (attempts), rather than waiting for a while.
     */
    public String outboxRecords(String email) {
        StringBuilder out = new StringBuilder();
        appendRows(out, "", "SELECT 'event ' || e.event_type || coalesce(string_agg(' | delivery '"
                        + " || e.event_type || ' ' || d.consumer || ' ' || d.status || ' attempts=' || d.attempts, ''"
                        + " ORDER BY d.consumer), '')"
                        + " FROM outbox_event e LEFT JOIN outbox_delivery d ON d.event_id = e.id"
                        + " WHERE (e.aggregate_type = 'Subscription' AND e.aggregate_id IN (SELECT su.id::text"
                        + "   FROM subscription su JOIN subscriber s ON s.id = su.subscriber_id"
                        + "   WHERE lower(s.email) = lower(?1)))"
                        + " OR (e.aggregate_type = 'Declaration' AND e.aggregate_id IN (SELECT d.id::text"
                        + "   FROM cancellation_declaration d"
                        + "   WHERE lower(d.account_email) = lower(?1) OR lower(d.confirmation_email) = lower(?1)))"
                        + " OR (e.aggregate_type = 'WithdrawalDeclaration' AND e.aggregate_id IN (SELECT w.id::text"
                        + "   FROM withdrawal_declaration w WHERE lower(w.email) = lower(?1)))"
                        + " OR (e.aggregate_type = 'SurveyResponse' AND e.aggregate_id IN (SELECT r.id::text"
                        + "   FROM survey_response r JOIN subscriber s ON s.id = r.subscriber_id"
                        + "   WHERE lower(s.email) = lower(?1)))"
                        + " GROUP BY e.id, e.event_type, e.occurred_at ORDER BY e.occurred_at, e.id", email);
        return out.toString().replace(" | ", "\n");
    }

    /** Appends each row of the one-column query as a line, after the prefix. */
    /**
     * Tries to join the answer with this comment to anything else in the schema, one line per join found: any moment
     * the answer keeps (or its answer time, 24 hours before its edit window closes) recorded anywhere else, to the
     * millisecond (in a test the invitation goes out well within a second of the answer), or its edit key anywhere
     * else. First line: "submitted " and its submitted_at (UTC).
     */
    @SuppressWarnings("unchecked")
    public String answerJoins(String comment) {
        Object[] answer = (Object[]) NativeSql.query(em, "SELECT to_char(submitted_at AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), edit_key_hash FROM survey_response WHERE comment = ?1", comment)
                .getSingleResult();
        StringBuilder out = new StringBuilder("submitted " + answer[0] + "\n");
        // A moment on a day's start (UTC) says only the day, which the answer shows anyway; other rows that start on
        // that day (a billing period beginning at midnight) share it without telling anything
        List<Object> moments = NativeSql.query(em, "SELECT m FROM survey_response r, LATERAL (VALUES (r.submitted_at),"
                + " (r.updated_at), (r.editable_until), (r.editable_until - INTERVAL '24 hours'), (r.announce_after))"
                + " AS v(m) WHERE r.comment = ?1 AND m IS NOT NULL"
                + " AND m <> date_trunc('day', m AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'", comment).getResultList();
        List<Object[]> columns = NativeSql.query(em, "SELECT c.table_name, c.column_name, c.data_type"
                + " FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                + " AND t.table_name = c.table_name WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
                + " AND c.table_name <> 'survey_response' AND c.data_type IN ('timestamp with time zone', 'character',"
                + " 'character varying', 'text')").getResultList();
        for (Object[] column : columns) {
            String where = "\"" + column[1] + "\"";
            if ("timestamp with time zone".equals(column[2])) {
                for (Object moment : moments) {
                    long near = ((Number) NativeSql.query(em, "SELECT count(*) FROM " + column[0] + " WHERE " + where
                            + " BETWEEN CAST(?1 AS timestamptz) - INTERVAL '1 millisecond' AND CAST(?1 AS timestamptz)"
                            + " + INTERVAL '1 millisecond'", moment).getSingleResult()).longValue();
                    if (near > 0) {
                        out.append("time ").append(column[0]).append('.').append(column[1]).append('\n');
                    }
                }
            } else if (answer[1] != null && ((Number) NativeSql.query(em, "SELECT count(*) FROM " + column[0]
                    + " WHERE " + where + "::text = ?1", answer[1]).getSingleResult()).longValue() > 0) {
                out.append("key ").append(column[0]).append('.').append(column[1]).append('\n');
            }
        }
        return out.toString();
    }

    private void appendRows(StringBuilder out, String prefix, String sql, Object... parameters) {
        for (Object row : NativeSql.query(em, sql, parameters).getResultList()) {
            out.append(prefix).append(row).append('\n');
        }
    }

    /** One hash for every login here, all of which share the password: a hash costs as much as a sign-in. */
    private static final class PasswordHash {
        static final String OF_PASSWORD = PasswordHashes.hash(PASSWORD.toCharArray());
    }
}
