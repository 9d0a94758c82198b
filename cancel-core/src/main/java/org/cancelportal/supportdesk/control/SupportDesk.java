package org.cancelportal.supportdesk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Subscriber;

/**
 * What a support agent looks up: subscribers by email, name or cancellation reference, and a subscriber's history
 * (every change to their subscriptions, and the agents' notes). Never their survey answers.
 */
@ApplicationScoped
@Transactional
public class SupportDesk {

    public static final int PAGE_SIZE = 50;
    public static final int MAX_NOTE = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public record Found(long id, String name, String email) {
    }

    /** One page of search results (pages count from 1), and whether another page follows. */
    public record Results(List<Found> found, int page, boolean more) {
    }

    /** One line of a subscriber's history, newest first. */
    public record Event(Instant at, String actor, String channel, String what, String detail) {
    }

    /** Matches an email or name containing the text, or a cancellation reference exactly; by name, a page at a time. */
    public Optional<Subscriber> subscriber(long id) {
        return Optional.ofNullable(em.find(Subscriber.class, id));
    }

    public Results search(String text, int page) {
        String query = text == null ? "" : text.strip();
        int wanted = Math.max(1, page);
        if (query.length() < 2) {
            return new Results(List.of(), wanted, false);
        }
        String like = "%" + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // one row more than a page tells whether a next page exists, without counting them all
        // one branch per index (trigram on address, on name; the reference's unique index), so a search reads what
        // it finds, not every subscriber joined to every cancellation
        List<?> rows = NativeSql.query(em, "SELECT id, name, email FROM ("
                + "SELECT s.id, s.name, s.email FROM subscriber s WHERE lower(s.email) LIKE ?1"
                + " UNION SELECT s.id, s.name, s.email FROM subscriber s WHERE lower(s.name) LIKE ?1"
                + " UNION SELECT s.id, s.name, s.email FROM cancellation c"
                + " JOIN subscription su ON su.id = c.subscription_id JOIN subscriber s ON s.id = su.subscriber_id"
                + " WHERE c.reference = upper(?2)) found"
                + " ORDER BY name, id LIMIT " + (PAGE_SIZE + 1) + " OFFSET " + (long) (wanted - 1) * PAGE_SIZE,
                like, query).getResultList();
        List<Found> found = rows.stream().limit(PAGE_SIZE).map(row -> (Object[]) row)
                .map(row -> new Found(((Number) row[0]).longValue(), (String) row[1], (String) row[2])).toList();
        return new Results(found, wanted, rows.size() > PAGE_SIZE);
    }

    public List<Event> history(long subscriberId) {
        List<Event> events = new ArrayList<>();
        for (Object row : NativeSql.query(em, "SELECT a.occurred_at, a.actor, a.channel, a.action, a.detail"
                + " FROM audit_entry a WHERE a.subject_type = 'Subscription' AND a.subject_id IN"
                + " (SELECT CAST(id AS VARCHAR) FROM subscription WHERE subscriber_id = ?1)"
                + " AND a.action <> 'ACCESS_DENIED'", subscriberId).getResultList()) {
            Object[] columns = (Object[]) row;
            events.add(new Event(NativeSql.instant(columns[0]), (String) columns[1], (String) columns[2], (String) columns[3],
                    (String) columns[4]));
        }
        for (Object row : NativeSql.query(em, "SELECT written_at, author, body FROM support_note"
                + " WHERE subscriber_id = ?1", subscriberId).getResultList()) {
            Object[] columns = (Object[]) row;
            events.add(new Event(NativeSql.instant(columns[0]), (String) columns[1], "SUPPORT", "NOTE", (String) columns[2]));
        }
        events.sort(Comparator.comparing(Event::at).reversed());
        return events;
    }

    /** @throws IllegalArgumentException an empty note, or one longer than {@value #MAX_NOTE} characters */
    public void addNote(long subscriberId, String author, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note has 1 to " + MAX_NOTE + " characters");
        }
        NativeSql.query(em, "INSERT INTO support_note (subscriber_id, author, body, written_at) VALUES (?1, ?2, ?3, ?4)",
                subscriberId, author, body, Timestamp.from(clock.instant())).executeUpdate();
    }
}
