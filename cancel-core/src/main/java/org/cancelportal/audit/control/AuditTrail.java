package org.cancelportal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.schema.control.NativeSql;

/** Writes audit entries inside the caller's transaction, so they commit and roll back with the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * One INSERT, nothing read back: nothing in the transaction reads the entry again, and persisting it as an
     * entity would cost a second round trip for its generated id on every change.
     */
    public void record(String actor, Channel channel, String action, String subjectType, Object subjectId,
                       Object before, Object after, String detail) {
        NativeSql.query(em, "INSERT INTO audit_entry (occurred_at, actor, channel, action, subject_type, subject_id,"
                + " state_before, state_after, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                Timestamp.from(clock.instant()), actor, channel.name(), action, subjectType,
                String.valueOf(subjectId), text(before), text(after), detail).executeUpdate();
    }

    private static String text(Object state) {
        return state == null ? null : state.toString();
    }
}
