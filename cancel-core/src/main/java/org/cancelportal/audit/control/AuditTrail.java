package org.cancelportal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.cancelportal.audit.entity.AuditEntry;
import org.cancelportal.cancellation.entity.Channel;

/** Writes audit entries inside the caller's transaction, so they commit and roll back with the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void record(String actor, Channel channel, String action, String subjectType, Object subjectId,
                       Object before, Object after, String detail) {
        em.persist(new AuditEntry(clock.instant(), actor, channel, action, subjectType, String.valueOf(subjectId),
                before == null ? null : before.toString(), after == null ? null : after.toString(), detail));
    }
}
