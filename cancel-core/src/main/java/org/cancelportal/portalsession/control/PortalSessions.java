package org.cancelportal.portalsession.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.link.control.LinkSettings;

/**
 * Portal sessions: an operator, whose customer is signed in on its own site, asks for a link that signs that customer
 * in here. The link carries a random token (kept only as its hash, usable once) and our signature over it with its
 * expiry, so it is short-lived, single-use and cannot be made up or altered.
 */
@ApplicationScoped
@Transactional
public class PortalSessions {

    static final String PURPOSE = "portal-session";

    @PersistenceContext
    EntityManager em;

    @Inject
    LinkSigner signer;

    @Inject
    Clock clock;

    @Inject
    LinkSettings links;

    /** The caller has checked that subscriber and subscription are the operator's and the return URL allowed. */
    public PortalLink open(OperatorAccount operator, long subscriberId, Long subscriptionId, String flow,
                           String returnUrl) {
        String token = LinkSigner.randomToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(links.portalSessionLifetime());
        NativeSql.query(em, "INSERT INTO portal_session (token_hash, operator_id, subscriber_id, subscription_id, flow,"
                + " return_url, created_at, expires_at) VALUES (?1, ?2, ?3, CAST(?4 AS BIGINT), ?5, ?6, ?7, ?8)",
                LinkSigner.hash(token), operator.id(), subscriberId, subscriptionId, flow, returnUrl,
                Timestamp.from(now), Timestamp.from(expiresAt)).executeUpdate();
        String signature = signer.sign(PURPOSE, token, expiresAt);
        return new PortalLink(links.portalBaseUrl() + "/portal-session?token=" + token + "&sig="
                + URLEncoder.encode(signature, StandardCharsets.UTF_8), expiresAt);
    }

    /**
     * Uses the session, once: empty for a forged, altered, expired or already used link. Two requests with the same
     * link cannot both succeed: the update that marks it used is the check.
     */
    public Optional<RedeemedSession> redeem(String token, String signature) {
        if (token == null || !signer.verify(PURPOSE, token, signature)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<?> rows = NativeSql.query(em, "UPDATE portal_session p SET used_at = ?2 FROM operator o"
                + " WHERE p.token_hash = ?1 AND p.used_at IS NULL AND p.expires_at > ?2 AND o.id = p.operator_id"
                + " RETURNING p.subscriber_id, p.subscription_id, p.flow, p.return_url, o.name",
                LinkSigner.hash(token), now).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new RedeemedSession(
                ((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).longValue(),
                (String) row[2], (String) row[3], (String) row[4]));
    }

    /** Forgets sessions a day after they expired: used or not, they can never sign anyone in again. */
    public int purge() {
        return NativeSql.query(em, "DELETE FROM portal_session WHERE expires_at < ?1",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).executeUpdate();
    }
}
