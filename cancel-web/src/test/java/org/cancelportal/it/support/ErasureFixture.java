package org.cancelportal.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.hashing.Sha256;
import org.cancelportal.schema.control.NativeSql;

/**
 * One person known to two operators under the same address, with something about them in every table that can hold
 * it, as the portal writes it; and the search of every column of the database for their address and name.
 */
@ApplicationScoped
@Transactional
public class ErasureFixture {

    @PersistenceContext
    EntityManager em;

    @Inject
    Fixtures fixtures;

    @Inject
    OperatorFixture operators;

    @Inject
    CancellationService cancellations;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** @return the two subscriber numbers, one per operator */
    public List<Long> personAtTwoOperators(String email, String name) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String code = operators.create("https://other.example.com").code();
            Fixtures.Created person = fixtures.subscriberWithSubscription("UTC", Locale.ENGLISH);
            fixtures.execute("UPDATE subscriber SET email = ?2, name = ?3, external_id = ?4,"
                            + " operator_id = (SELECT id FROM operator WHERE code = ?5) WHERE id = ?1",
                    person.subscriberId(), i == 0 ? email : email.toUpperCase(Locale.ROOT), name, "cus_" + i, code);
            Cancellation cancellation = cancellations.cancel(new CancelCommand(person.subscriptionIds().get(0),
                    CancellationMode.END_OF_PERIOD, Requester.subscriber(email, person.subscriberId()), "erase-" + i));
            everythingElse(person, cancellation, email, name, code);
            ids.add(person.subscriberId());
        }
        return ids;
    }

    private void everythingElse(Fixtures.Created person, Cancellation cancellation, String email, String name, String code) {
        long id = person.subscriberId();
        long subscription = person.subscriptionIds().get(0);
        Timestamp now = Timestamp.from(clock.instant());
        String words = name + " <" + email + ">";
        long operator = ((Number) single("SELECT id FROM operator WHERE code = ?1", code)).longValue();
        audit.record("support@example.com", Channel.SUPPORT, "CONTACT_CHANGED", "Subscriber", id, null, email,
                "was " + words);
        run("INSERT INTO support_note (subscriber_id, author, body, written_at) VALUES (?1, 'support@example.com',"
                + " ?2, ?3)", id, "Called: " + words, now);
        run("INSERT INTO survey_invitation (event_id, cancellation_id, subscriber_id, status, due_at, sent_at,"
                + " responded_at) VALUES (gen_random_uuid(), ?1, ?2, 'SENT', ?3, ?3, ?3)", cancellation.getId(), id, now);
        long response = ((Number) single("INSERT INTO survey_response (subscriber_id, cancellation_id, anonymous,"
                + " reason_code, comment, fair_outcome, contact_consent, plan_code, billing_period, tenure_band, channel,"
                + " locale, cancelled_month, submitted_at, updated_at, operator_id) VALUES (?1, ?2, FALSE, 'other', ?3,"
                + " ?3, TRUE, 'basic', 'MONTHLY', 'under_1_month', 'WEB', 'en', '2026-01', ?4, ?4, ?5) RETURNING id",
                id, cancellation.getId(), "I am " + words, now, operator)).longValue();
        run("INSERT INTO survey_reply (response_id, author, body, written_at) VALUES (?1, 'product@example.com', ?2,"
                + " ?3)", response, "Dear " + words, now);
        run("INSERT INTO login_throttle (throttle_key, failures, window_started_at) VALUES (?1, 3, ?2)"
                + " ON CONFLICT DO NOTHING", "account:" + Sha256.hex(email.toLowerCase(Locale.ROOT)), now);
        run("INSERT INTO outbox_delivery (event_id, consumer, status, next_attempt_at, last_error)"
                + " SELECT e.id, c.name, 'DEAD', ?2, ?3 FROM outbox_event e, outbox_consumer c"
                + " WHERE e.aggregate_id = ?1 ON CONFLICT (event_id, consumer) DO UPDATE SET last_error = ?3",
                String.valueOf(subscription), now, "550 no mailbox " + words);
        run("INSERT INTO sent_email (message_id, kind, subscriber_id, sent_at) VALUES (?1, 'RECEIPT', ?2, ?3)",
                "<" + UUID.randomUUID() + "@cancelportal>", id, now);
        UUID endpoint = UUID.randomUUID();
        run("INSERT INTO webhook_endpoint (id, operator_id, url, event_types, secret, created_at, updated_at)"
                + " VALUES (?1, ?2, 'https://shop.example.com/hooks', 'subscription.cancellation_scheduled', 'whsec_x',"
                + " ?3, ?3)", endpoint, operator, now);
        String delivery = "msg_" + UUID.randomUUID().toString().replace("-", "");
        run("INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_position, event_type, ordering_key,"
                + " occurred_at, body, status, next_attempt_at) SELECT ?1, ?2, e.id, e.position,"
                + " 'subscription.cancellation_scheduled', ?3, ?4, ?5, 'DEAD', ?4 FROM outbox_event e"
                + " WHERE e.aggregate_id = ?3 LIMIT 1", delivery, endpoint,
                String.valueOf(subscription), now, "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}");
        run("INSERT INTO webhook_attempt (delivery_id, attempt, started_at, latency_ms, error) VALUES (?1, 1, ?2, 5,"
                + " ?3)", delivery, now, "400 unknown customer " + email);
        run("INSERT INTO api_idempotency (operator_id, idempotency_key, request_hash, response_status, response_body,"
                + " created_at) VALUES (?1, ?2, ?3, 200, ?4, ?5)", operator, UUID.randomUUID().toString(),
                Sha256.hex(email), "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}", now);
        run("INSERT INTO portal_session (token_hash, operator_id, subscriber_id, flow, return_url, created_at,"
                + " expires_at) VALUES (?1, ?2, ?3, 'account', ?4, ?5, ?5)", Sha256.hex(UUID.randomUUID().toString()),
                operator, id, "https://shop.example.com/account?who=" + email, now);
        long notice = ((Number) single("INSERT INTO reminder_notice (subscription_id, kind, charge_at, written_at,"
                + " due_at) VALUES (?1, 'ANNUAL_RENEWAL', ?2, ?2, ?2) RETURNING id", subscription, now)).longValue();
        run("INSERT INTO reminder_link (token_hash, notice_id, subscriber_id, subscription_id, created_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", Sha256.hex(UUID.randomUUID().toString()), notice, id, subscription,
                now);
        run("INSERT INTO cancellation_declaration (reference, received_at, contract, name, account_email, kind,"
                + " confirmation_email, locale, content_hash, status) VALUES (?1, ?2, ?3, ?4, ?5, 'ORDINARY', ?5, 'en',"
                + " ?6, 'OPEN')", "CD" + UUID.randomUUID().toString().substring(0, 8), now, "Contract of " + name, name,
                email, Sha256.hex(email));
        run("INSERT INTO withdrawal_declaration (reference, received_at, name, contract, email, locale)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, 'en')", "WD" + UUID.randomUUID().toString().substring(0, 8), now, name,
                "Contract of " + name, email);
    }

    /** Every column, of every table of the portal and of the session store, where the text occurs (in any case). */
    @SuppressWarnings("unchecked")
    public List<String> columnsHolding(String text) {
        List<String> found = new ArrayList<>();
        List<Object[]> columns = em.createNativeQuery("SELECT table_schema, table_name, column_name, data_type"
                + " FROM information_schema.columns WHERE table_schema IN (current_schema(), 'http_sessions')"
                + " AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')"
                + " AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')")
                .getResultList();
        for (Object[] column : columns) {
            String qualified = column[0] + "." + column[1];
            String value = "bytea".equals(column[3]) ? "encode(\"" + column[2] + "\", 'escape')"
                    : "\"" + column[2] + "\"::text";
            long rows = ((Number) single("SELECT count(*) FROM " + qualified + " WHERE " + value + " ILIKE ?1",
                    "%" + text + "%")).longValue();
            if (rows > 0) {
                found.add(qualified + "." + column[2] + " (" + rows + ")");
            }
        }
        return found;
    }

    private Object single(String sql, Object... parameters) {
        return NativeSql.query(em, sql, parameters).getSingleResult();
    }

    private void run(String sql, Object... parameters) {
        NativeSql.query(em, sql, parameters).executeUpdate();
    }
}
