package org.cancelportal.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.cancelportal.identity.entity.UserAccount;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;

/** Creates fresh subscribers for one test each and reads back what the database holds. */
@ApplicationScoped
@Transactional
public class Fixtures {

    public static final String PASSWORD = "test-password-1";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    org.cancelportal.cancellation.control.CancellationService cancellations;

    public record Created(long subscriberId, String email, List<Long> subscriptionIds) {
    }

    /** A login with a staff role and no subscriptions of its own. */
    @Transactional
    public String staffLogin(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        em.persist(new UserAccount(email, passwordHash.generate(PASSWORD.toCharArray()), null, Set.of(role)));
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
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
        Subscription subscription = new Subscription(subscriber, plan, start, start, start.plus(Duration.ofDays(30)));
        em.persist(subscription);
        em.flush();
        em.persist(new UserAccount(email, passwordHash.generate(PASSWORD.toCharArray()), subscriber.getId(),
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

    /** Moves a scheduled cancellation's effective date into the past, as if time had passed. */
    @Transactional
    public void letCancellationReachItsEffectiveDate(String reference) {
        em.createNativeQuery("UPDATE cancellation SET requested_at = now() - interval '2 days',"
                + " effective_at = now() - interval '1 minute' WHERE reference = ?1")
                .setParameter(1, reference).executeUpdate();
    }

    /**
     * What the survey stored for a subscriber, one line per row: "invitation STATUS REASON" and
     * "response anonymous=.. subscriber=.. cancellation=.. reason=.. contact=.." (anonymous responses are found
     * through the plan code of the subscriber's subscription, as nothing else links them).
     */
    public String surveyRecords(String email) {
        StringBuilder out = new StringBuilder();
        for (Object row : em.createNativeQuery("SELECT c.reference || ' journey=' || coalesce(floor(extract(EPOCH FROM"
                        + " c.requested_at - c.journey_started_at))::text || 's', 'none') FROM cancellation c"
                        + " JOIN subscription su ON su.id = c.subscription_id JOIN subscriber s ON s.id = su.subscriber_id"
                        + " WHERE s.email = ?1 ORDER BY c.id").setParameter(1, email).getResultList()) {
            out.append("cancellation ").append(row).append('\n');
        }
        for (Object row : em.createNativeQuery("SELECT i.status || ' ' || coalesce(i.skip_reason, '-')"
                        + " FROM survey_invitation i JOIN subscriber s ON s.id = i.subscriber_id WHERE s.email = ?1"
                        + " ORDER BY i.id").setParameter(1, email).getResultList()) {
            out.append("invitation ").append(row).append('\n');
        }
        for (Object row : em.createNativeQuery("SELECT 'anonymous=' || r.anonymous || ' subscriber='"
                        + " || coalesce(r.subscriber_id::text, 'none') || ' cancellation='"
                        + " || coalesce(r.cancellation_id::text, 'none') || ' reason=' || coalesce(r.reason_code, 'none')"
                        + " || ' contact=' || r.contact_consent || ' tenure=' || r.tenure_band"
                        + " FROM survey_response r WHERE r.plan_code IN (SELECT p.code FROM plan p"
                        + " JOIN subscription su ON su.plan_id = p.id JOIN subscriber s ON s.id = su.subscriber_id"
                        + " WHERE s.email = ?1) ORDER BY r.id").setParameter(1, email).getResultList()) {
            out.append("response ").append(row).append('\n');
        }
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

    /** Parks the subscriber's pending deliveries as dead, as if every retry had failed. */
    public void giveUpDeliveries(String email) {
        em.createNativeQuery("UPDATE outbox_delivery d SET status = 'DEAD', attempts = 10,"
                + " last_error = 'jakarta.mail.MessagingException: Could not connect to SMTP host'"
                + " FROM outbox_event e, subscription s, subscriber p WHERE d.event_id = e.id"
                + " AND e.aggregate_id = s.id::text AND s.subscriber_id = p.id AND p.email = ?1 AND d.status = 'PENDING'")
                .setParameter(1, email).executeUpdate();
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
        for (Object row : em.createNativeQuery("SELECT d.reference || ' ' || d.status || ' received=' || d.received_at"
                        + " || coalesce(' -> ' || c.reference || ' channel=' || c.channel || ' requested='"
                        + " || c.requested_at || ' actor=' || c.actor, '')"
                        + " FROM cancellation_declaration d LEFT JOIN cancellation c ON c.id = d.cancellation_id"
                        + " WHERE lower(d.account_email) = lower(?1) ORDER BY d.id").setParameter(1, email)
                .getResultList()) {
            out.append(row).append('\n');
        }
        return out.toString();
    }

    public void expireInvitations(String email) {
        em.createNativeQuery("UPDATE survey_invitation SET expires_at = now() - interval '1 minute'"
                + " WHERE subscriber_id = (SELECT id FROM subscriber WHERE email = ?1)").setParameter(1, email)
                .executeUpdate();
    }
}
