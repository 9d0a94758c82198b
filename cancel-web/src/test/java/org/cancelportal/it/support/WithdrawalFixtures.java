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
import java.time.temporal.ChronoUnit;
import org.cancelportal.schema.control.NativeSql;

/**
 * The withdrawal terms of a test subscription, written relative to the application's clock (the test clock), never
 * the database's now(): when the contract was made (which moves its 30-day period with it), whether the consumer
 * asked for the service to start early, and the plan's own withdrawal period.
 */
@ApplicationScoped
@Transactional
public class WithdrawalFixtures {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The contract was made that many days ago, at midnight UTC, and its 30-day period started then. */
    public void startedDaysAgo(long subscriptionId, int days) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
        NativeSql.query(em, "UPDATE subscription SET started_at = ?1, current_period_start = ?1,"
                + " current_period_end = ?2 WHERE id = ?3", Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofDays(30))), subscriptionId).executeUpdate();
    }

    public void serviceStartRequested(long subscriptionId, boolean requested) {
        NativeSql.query(em, "UPDATE subscription SET service_start_requested = ?1 WHERE id = ?2", requested,
                subscriptionId).executeUpdate();
    }

    /** The plan of this subscription names its own withdrawal period (0: none). */
    public void planDays(long subscriptionId, int days) {
        NativeSql.query(em, "UPDATE plan SET withdrawal_days = ?1 WHERE id = (SELECT plan_id FROM subscription"
                + " WHERE id = ?2)", days, subscriptionId).executeUpdate();
    }

    /**
     * "status=…, withdrawals=N, audit=ACTION,ACTION": what the database holds about the subscription's withdrawal, the
     * audit actions in alphabetical order (entries written in one transaction may get their ids in any order).
     */
    public String records(long subscriptionId) {
        Object status = NativeSql.query(em, "SELECT status FROM subscription WHERE id = ?1", subscriptionId)
                .getSingleResult();
        Object count = NativeSql.query(em, "SELECT count(*) FROM withdrawal WHERE subscription_id = ?1",
                subscriptionId).getSingleResult();
        Object audit = NativeSql.query(em, "SELECT coalesce(string_agg(action, ',' ORDER BY action), '') FROM audit_entry"
                + " WHERE subject_type = 'Subscription' AND subject_id = ?1 AND action LIKE '%WITHDRAW%'",
                String.valueOf(subscriptionId)).getSingleResult();
        return "status=" + status + ", withdrawals=" + count + ", audit=" + audit;
    }

    public org.cancelportal.cancellation.control.Requester subscriberRequester(String login) {
        long subscriberId = ((Number) NativeSql.query(em, "SELECT subscriber_id FROM app_user WHERE username = ?1",
                login).getSingleResult()).longValue();
        return org.cancelportal.cancellation.control.Requester.subscriber(login, subscriberId);
    }

    /**
     * The public declaration (DC-… or WR-…) reached us that many hours earlier than it did, and its confirmation link
     * ends as much earlier: as if the server's clock had moved on by that much since it was sent.
     */
    public void declaredHoursAgo(String reference, int hours) {
        String table = reference.startsWith("WR-") ? "withdrawal_declaration" : "cancellation_declaration";
        String interval = hours + " hours";
        int changed = NativeSql.query(em, "UPDATE " + table + " SET received_at = received_at - CAST(?1 AS interval),"
                + " confirm_until = confirm_until - CAST(?1 AS interval) WHERE reference = ?2", interval, reference)
                .executeUpdate();
        if (changed != 1) {
            throw new IllegalArgumentException("No declaration " + reference);
        }
    }

    /** Withdrawals of the subscription carried out from a public declaration whose time of receipt they kept. */
    public long receivedAsDeclared(long subscriptionId) {
        return ((Number) NativeSql.query(em, "SELECT count(*) FROM withdrawal w JOIN withdrawal_declaration d"
                + " ON d.withdrawal_id = w.id WHERE w.subscription_id = ?1 AND w.received_at = d.received_at"
                + " AND w.carried_out_at > d.received_at", subscriptionId).getSingleResult()).longValue();
    }
}
