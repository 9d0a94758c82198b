package org.cancelportal.reminder.control;

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
import org.cancelportal.hashing.Sha256;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.schema.control.NativeSql;

/**
 * The one-click link in a reminder or notice, redeemed the way a portal session is: signed, expiring, single use, and
 * good for one subscription only. The token is derived from the notice with our signing key, so a delivery that is
 * repeated after a crash puts the same working link in the same email.
 */
@ApplicationScoped
@Transactional
public class ReminderLinks {

    static final String PURPOSE = "reminder-link";
    private static final String TOKEN_PURPOSE = "reminder-link-token";

    @PersistenceContext
    EntityManager em;

    @Inject
    LinkSigner signer;

    @Inject
    LinkSettings links;

    @Inject
    ReminderSettings settings;

    @Inject
    Clock clock;

    /** Whom a redeemed link signs in, and the one subscription they may see and cancel. */
    public record Redeemed(long subscriberId, long subscriptionId) {
    }

    public record Link(String url, Instant expiresAt) {
    }

    /** The link for a notice about {@code date}: it works until some days after that date (see settings). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Link issue(long noticeId, long subscriberId, long subscriptionId, Instant date) {
        Instant expiresAt = date.plus(settings.linkAfterDate());
        String token = Sha256.hex(signer.sign(TOKEN_PURPOSE, String.valueOf(noticeId), expiresAt));
        NativeSql.query(em, "INSERT INTO reminder_link (token_hash, notice_id, subscriber_id, subscription_id,"
                + " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (token_hash) DO NOTHING",
                LinkSigner.hash(token), noticeId, subscriberId, subscriptionId, Timestamp.from(clock.instant()),
                Timestamp.from(expiresAt)).executeUpdate();
        String signature = signer.sign(PURPOSE, token, expiresAt);
        return new Link(links.portalBaseUrl() + "/reminder-link?token=" + token + "&sig="
                + URLEncoder.encode(signature, StandardCharsets.UTF_8), expiresAt);
    }

    /** Uses the link, once: empty for a forged, altered, expired or used one. The update that marks it is the check. */
    public Optional<Redeemed> redeem(String token, String signature) {
        if (token == null || !signer.verify(PURPOSE, token, signature)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<?> rows = NativeSql.query(em, "UPDATE reminder_link SET used_at = ?2 WHERE token_hash = ?1"
                + " AND used_at IS NULL AND expires_at > ?2 RETURNING subscriber_id, subscription_id",
                LinkSigner.hash(token), now).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new Redeemed(
                ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    /** Forgets links a day after they expired: used or not, they can never sign anyone in again. */
    public int purge() {
        return NativeSql.query(em, "DELETE FROM reminder_link WHERE expires_at < ?1",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).executeUpdate();
    }
}
