package org.cancelportal.idempotency.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.cancelportal.hashing.Sha256;
import org.cancelportal.schema.control.NativeSql;

/**
 * Runs an operator's request at most once per Idempotency-Key: a retry with the same key and the same request gets
 * the first answer again; the same key with another request is refused. Keys are forgotten after 24 hours. The call,
 * the key and its answer commit together, so a crash leaves either all of them or none; a concurrent retry waits on
 * the key's row until the first commits, then replays it.
 */
@ApplicationScoped
public class IdempotentCalls {

    public static final Duration KEPT_FOR = Duration.ofHours(24);
    public static final int MAX_KEY_LENGTH = 255;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A replayed answer, or the call's own. */
    public record Outcome(StoredResponse response, boolean replayed) {
    }

    /**
     * @param fingerprint what makes two requests the same (see {@link #fingerprint})
     * @param alsoRecord  told the answer's status inside the same transaction (the call's audit), for replays too
     * @throws KeyReusedException the key was used in the last 24 hours for a different request
     */
    @Transactional
    public Outcome run(long operatorId, String key, String fingerprint, Supplier<StoredResponse> call,
                       IntConsumer alsoRecord) {
        Outcome outcome = claim(operatorId, key, fingerprint)
                ? new Outcome(answered(operatorId, key, call.get()), false)
                : new Outcome(earlier(operatorId, key, fingerprint), true);
        alsoRecord.accept(outcome.response().status());
        return outcome;
    }

    /**
     * Takes the key, or finds it taken. One statement: a key older than 24 hours is as good as none, so its row is
     * taken over in place; a younger one is left alone (and, if still uncommitted, waited for).
     */
    private boolean claim(long operatorId, String key, String fingerprint) {
        Instant now = clock.instant();
        return !NativeSql.query(em, "INSERT INTO api_idempotency AS a (operator_id, idempotency_key, request_hash,"
                + " created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (operator_id, idempotency_key) DO UPDATE"
                + " SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,"
                + " response_status = NULL, response_body = NULL WHERE a.created_at <= ?5 RETURNING 1",
                operatorId, key, fingerprint, Timestamp.from(now), Timestamp.from(now.minus(KEPT_FOR)))
                .getResultList().isEmpty();
    }

    private StoredResponse answered(long operatorId, String key, StoredResponse response) {
        NativeSql.query(em, "UPDATE api_idempotency SET response_status = ?3, response_body = ?4"
                + " WHERE operator_id = ?1 AND idempotency_key = ?2", operatorId, key, response.status(),
                response.body()).executeUpdate();
        return response;
    }

    private StoredResponse earlier(long operatorId, String key, String fingerprint) {
        Object[] row = (Object[]) NativeSql.query(em, "SELECT request_hash, response_status, response_body"
                + " FROM api_idempotency WHERE operator_id = ?1 AND idempotency_key = ?2", operatorId, key)
                .getSingleResult();
        if (!fingerprint.equals(row[0])) {
            throw new KeyReusedException(key);
        }
        return new StoredResponse(((Number) row[1]).intValue(), (String) row[2]);
    }

    /** Method, path and body: the same key must come with the same request. */
    public static String fingerprint(String method, String path, String body) {
        return Sha256.hex(method + " " + path + "\n" + (body == null ? "" : body.strip()));
    }

    /** Forgets keys older than 24 hours. */
    @Transactional
    public int purge() {
        return NativeSql.query(em, "DELETE FROM api_idempotency WHERE created_at <= ?1",
                Timestamp.from(clock.instant().minus(KEPT_FOR))).executeUpdate();
    }
}
