package org.cancelportal.publiccancel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.publiccancel.control.ContractMatching.Candidate;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.publiccancel.entity.DeclarationStatus;

/**
 * The declarations support has to resolve: those the portal could not carry out by itself. An agent matches one to a
 * subscription and cancels it under the policy, as of the declaration's time of receipt, or closes it with a note.
 * Each step is audited; resolving one twice (a double click, two agents) changes nothing the second time.
 */
@ApplicationScoped
@Transactional
public class DeclarationQueue {

    public static final int MAX_LISTED = 200;
    public static final int MAX_NOTE = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SubscriptionCandidates candidates;

    @Inject
    CancellationService cancellations;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Someone else resolved it meanwhile. */
    public static class AlreadyResolvedException extends RuntimeException {
        public AlreadyResolvedException(String reference) {
            super("Declaration " + reference + " is resolved already");
        }
    }

    /** Oldest first: the law counts from the time of receipt. */
    public List<CancellationDeclaration> open() {
        return em.createQuery("select d from CancellationDeclaration d where d.status = :open"
                        + " order by d.receivedAt, d.id", CancellationDeclaration.class)
                .setParameter("open", DeclarationStatus.OPEN)
                .setMaxResults(MAX_LISTED).getResultList();
    }

    public long openCount() {
        return em.createQuery("select count(d) from CancellationDeclaration d where d.status = :open", Long.class)
                .setParameter("open", DeclarationStatus.OPEN).getSingleResult();
    }

    /** The open declarations whose confirmation link names one of this subscriber's subscriptions, oldest first. */
    public List<CancellationDeclaration> awaitingConfirmationFor(long subscriberId) {
        return em.createQuery("select d from CancellationDeclaration d where d.status = :open"
                        + " and d.confirmSubscriptionId in (select s.id from Subscription s"
                        + " where s.subscriber.id = :subscriber) order by d.receivedAt, d.id",
                        CancellationDeclaration.class)
                .setParameter("open", DeclarationStatus.OPEN).setParameter("subscriber", subscriberId)
                .getResultList();
    }

    public Optional<CancellationDeclaration> find(long id) {
        return Optional.ofNullable(em.find(CancellationDeclaration.class, id));
    }

    public List<Candidate> candidates(CancellationDeclaration declaration) {
        return candidates.forAgent(declaration.declared());
    }

    /**
     * Cancels the subscription under the policy, counting from when the declaration reached us.
     *
     * @throws AlreadyResolvedException it was resolved meanwhile
     */
    public Cancellation cancel(long declarationId, long subscriptionId, CancellationMode mode, String agent) {
        CancellationDeclaration declaration = lockOpen(declarationId);
        Cancellation cancellation = cancellations.cancel(new CancelCommand(subscriptionId, mode,
                Requester.staff(agent, Channel.PUBLIC_FORM), PublicCancellations.idempotencyKey(declaration), null,
                null, declaration.getReceivedAt()));
        declaration.cancelled(cancellation.getId(), clock.instant(), agent);
        audit.record(agent, Channel.SUPPORT, "DECLARATION_CANCELLED", PublicCancellations.SUBJECT, declarationId,
                "OPEN", declaration.getStatus(), "subscription " + subscriptionId + ", cancellation "
                        + cancellation.getReference());
        return cancellation;
    }

    /**
     * @throws IllegalArgumentException an empty note, or one longer than {@value #MAX_NOTE} characters
     * @throws AlreadyResolvedException it was resolved meanwhile
     */
    public void close(long declarationId, String note, String agent) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note has 1 to " + MAX_NOTE + " characters");
        }
        CancellationDeclaration declaration = lockOpen(declarationId);
        Instant now = clock.instant();
        declaration.close(text, now, agent);
        audit.record(agent, Channel.SUPPORT, "DECLARATION_CLOSED", PublicCancellations.SUBJECT, declarationId,
                "OPEN", declaration.getStatus(), "closed with a note");
    }

    private CancellationDeclaration lockOpen(long declarationId) {
        CancellationDeclaration declaration = Optional.ofNullable(em.find(CancellationDeclaration.class,
                        declarationId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new IllegalArgumentException("No declaration " + declarationId));
        if (!declaration.isOpen()) {
            throw new AlreadyResolvedException(declaration.getReference());
        }
        return declaration;
    }
}
