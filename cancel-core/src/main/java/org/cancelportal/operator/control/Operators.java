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
import org.cancelportal.schema.control.NativeSql;

/**
 * Operators and their API keys. A key is shown once, when it is made, and stored only as its SHA-256 hash; rotating
 * and revoking keys is {@link OperatorKeys}.
 */
@ApplicationScoped
@Transactional
public class Operators {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The operator a key belongs to, if the key is live: neither revoked nor past its grace after a rotation. One
     * read: no transaction of its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OperatorAccount> byApiKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<?> rows = NativeSql.query(em, "SELECT o.id, o.code, o.name, o.allowed_origins FROM operator_api_key k"
                + " JOIN operator o ON o.id = k.operator_id WHERE k.key_hash = ?1 AND k.retired_at IS NULL"
                + " AND (k.expires_at IS NULL OR k.expires_at > ?2)",
                Sha256.hex(key.strip()), Timestamp.from(clock.instant())).getResultList();
        return rows.stream().map(Object[].class::cast).map(Operators::account).findFirst();
    }

    public Optional<OperatorAccount> byId(long id) {
        List<?> rows = NativeSql.query(em, "SELECT id, code, name, allowed_origins FROM operator WHERE id = ?1", id)
                .getResultList();
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

    /** Where the operator is told about changes to its keys; none, and it is told nothing. */
    public void setContactEmail(long operatorId, String email) {
        NativeSql.query(em, "UPDATE operator SET contact_email = ?2 WHERE id = ?1", operatorId, email).executeUpdate();
    }

    public Optional<String> contactEmail(long operatorId) {
        List<?> rows = NativeSql.query(em, "SELECT contact_email FROM operator WHERE id = ?1 AND contact_email IS NOT NULL",
                operatorId).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    void addKeyHash(long operatorId, String hash) {
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
