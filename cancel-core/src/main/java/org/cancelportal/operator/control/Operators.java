package org.cancelportal.operator.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cancelportal.hashing.Sha256;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.schema.control.NativeSql;

/**
 * Operators and their API keys. A key is shown once, when it is made, and stored only as its SHA-256 hash. Rotating
 * makes a new key current and keeps the one before it working, so the operator can switch without a gap; any older
 * key stops working at that moment.
 */
@ApplicationScoped
@Transactional
public class Operators {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The operator a key belongs to, if it is one of its two live keys. One read: no transaction of its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OperatorAccount> byApiKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<?> rows = NativeSql.query(em, "SELECT o.id, o.code, o.name, o.allowed_origins FROM operator_api_key k"
                + " JOIN operator o ON o.id = k.operator_id WHERE k.key_hash = ?1 AND k.retired_at IS NULL",
                Sha256.hex(key.strip())).getResultList();
        return rows.stream().map(Object[].class::cast).map(Operators::account).findFirst();
    }

    public Optional<OperatorAccount> byCode(String code) {
        List<?> rows = NativeSql.query(em, "SELECT id, code, name, allowed_origins FROM operator WHERE code = ?1", code)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(Operators::account).findFirst();
    }

    /** Every operator, by name. */
    public List<OperatorAccount> all() {
        List<?> rows = NativeSql.query(em, "SELECT id, code, name, allowed_origins FROM operator ORDER BY name, code")
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(Operators::account).toList();
    }

    /** A new current key for the operator; the previous current key keeps working, older ones stop. */
    public String rotateKey(long operatorId) {
        NativeSql.query(em, "SELECT id FROM operator WHERE id = ?1 FOR UPDATE", operatorId).getSingleResult();
        String key = "cpk_" + LinkSigner.randomToken() + LinkSigner.randomToken();
        String hash = Sha256.hex(key);
        Timestamp now = Timestamp.from(clock.instant());
        NativeSql.query(em, "UPDATE operator_api_key SET retired_at = ?2 WHERE operator_id = ?1 AND retired_at IS NULL"
                + " AND key_hash <> (SELECT key_hash FROM operator_api_key WHERE operator_id = ?1"
                + " AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1)", operatorId, now).executeUpdate();
        addKeyHash(operatorId, hash);
        return key;
    }

    /**
     * Registers an operator (or updates its name and origins) with a key given by its hash: for demo and test data,
     * and for setting up an operator whose first key was made elsewhere.
     */
    public OperatorAccount register(String code, String name, List<String> allowedOrigins, String keyHash) {
        NativeSql.query(em, "INSERT INTO operator (code, name, allowed_origins) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, allowed_origins = EXCLUDED.allowed_origins",
                code, name, String.join(" ", allowedOrigins)).executeUpdate();
        OperatorAccount account = byCode(code).orElseThrow();
        NativeSql.query(em, "DELETE FROM operator_api_key WHERE key_hash = ?1", keyHash).executeUpdate();
        addKeyHash(account.id(), keyHash);
        return account;
    }

    private void addKeyHash(long operatorId, String hash) {
        // a moment later than any key before it, so "the current key" is well defined even within one clock tick
        NativeSql.query(em, "INSERT INTO operator_api_key (key_hash, operator_id, created_at) VALUES (?1, ?2,"
                + " GREATEST(?3, (SELECT max(created_at) + interval '1 microsecond' FROM operator_api_key"
                + " WHERE operator_id = ?2)))", hash, operatorId, Timestamp.from(clock.instant())).executeUpdate();
    }

    private static OperatorAccount account(Object[] row) {
        String origins = (String) row[3];
        return new OperatorAccount(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                origins.isBlank() ? List.of() : Arrays.asList(origins.strip().split("\\s+")));
    }
}
