package org.cancelportal.operator.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.hashing.Sha256;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.schema.control.NativeSql;

/**
 * Rotating and revoking an operator's API keys, each with its audit entry and an email to the operator's contact
 * address (through the outbox, in the same transaction).
 *
 * <p>A rotation makes a new key, keeps the key it was made with working for a grace period, and revokes every other
 * key at once. So a key minted by someone who stole a key never outlives the operator's own next rotation (made with
 * the operator's key, it is one of the others), and the stolen key itself stops at the end of the grace, or at once
 * when the operator revokes it.
 */
@ApplicationScoped
@Transactional
public class OperatorKeys {

    public static final String AGGREGATE = "Operator";
    public static final String KEY_ROTATED = "OperatorApiKeyRotated";
    public static final String KEY_REVOKED = "OperatorApiKeyRevoked";

    @PersistenceContext
    EntityManager em;

    @Inject
    Operators operators;

    @Inject
    OperatorKeySettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A new key, shown once, and until when the key it was made with still works. */
    public record Rotation(String key, Instant previousKeyValidUntil) {
    }

    public Rotation rotate(OperatorAccount operator, String callingKey) {
        lock(operator.id());
        Instant now = clock.instant();
        Instant graceEnds = now.plus(settings.previousKeyGrace());
        String callingHash = Sha256.hex(callingKey.strip());
        NativeSql.query(em, "UPDATE operator_api_key SET retired_at = ?2 WHERE operator_id = ?1 AND retired_at IS NULL"
                + " AND key_hash <> ?3", operator.id(), Timestamp.from(now), callingHash).executeUpdate();
        // a key rotated with again does not win a fresh grace
        Timestamp validUntil = (Timestamp) NativeSql.query(em, "UPDATE operator_api_key"
                + " SET expires_at = LEAST(coalesce(expires_at, ?2), ?2) WHERE key_hash = ?1 RETURNING expires_at",
                callingHash, Timestamp.from(graceEnds)).getSingleResult();
        String key = "cpk_" + LinkSigner.randomToken() + LinkSigner.randomToken();
        operators.addKeyHash(operator.id(), Sha256.hex(key));
        tell(operator, KEY_ROTATED, "API_KEY_ROTATED", "previous key works until " + validUntil.toInstant(),
                Json.createObjectBuilder().add("previousKeyValidUntil", validUntil.toInstant().toString()));
        return new Rotation(key, validUntil.toInstant());
    }

    /** @return whether the key was one of the operator's live keys; it stops working now */
    public boolean revoke(OperatorAccount operator, String key) {
        lock(operator.id());
        int revoked = NativeSql.query(em, "UPDATE operator_api_key SET retired_at = ?3 WHERE operator_id = ?1"
                + " AND key_hash = ?2 AND retired_at IS NULL AND (expires_at IS NULL OR expires_at > ?3)",
                operator.id(), Sha256.hex(key.strip()), Timestamp.from(clock.instant())).executeUpdate();
        if (revoked == 0) {
            return false;
        }
        tell(operator, KEY_REVOKED, "API_KEY_REVOKED", "a key stopped working", Json.createObjectBuilder());
        return true;
    }

    private void lock(long operatorId) {
        NativeSql.query(em, "SELECT id FROM operator WHERE id = ?1 FOR UPDATE", operatorId).getSingleResult();
    }

    private void tell(OperatorAccount operator, String eventType, String action, String detail,
                      JsonObjectBuilder payload) {
        audit.record(operator.actor(), Channel.API, action, AGGREGATE, operator.id(), null, null, detail);
        outbox.publish(AGGREGATE, operator.id(), eventType, payload.add("operatorId", operator.id())
                .add("at", clock.instant().toString()).build());
    }
}
