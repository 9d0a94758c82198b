package org.cancelportal.publiccancel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.subscription.entity.Subscription;

/**
 * The link that carries out a declaration which would end access now or for good, sent only to the account's own
 * address. It works once, until its time is up: following it again shows what became of the declaration and changes
 * nothing; after that time, or once support resolved the declaration, it carries nothing out. The cancellation counts
 * from when the declaration reached us, which is the time the law counts.
 */
@ApplicationScoped
@Transactional
public class DeclarationConfirmations {

    /** Where a confirmation link stands. */
    public enum State {
        /** Waiting: following it now carries the declaration out. */
        WAITING,
        /** Carried out by this link, before. */
        CONFIRMED,
        /** Support cancelled or closed it, or it never waited for a link. */
        RESOLVED,
        /** Its time is up; the declaration stays with support. */
        EXPIRED
    }

    /** What the link names and where it stands; the cancellation once there is one. */
    public record Confirmation(CancellationDeclaration declaration, Subscription subscription, State state,
                               Cancellation cancellation) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CancellationService cancellations;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Read-only: the declaration a genuine link names, if it ever waited for one. */
    public Optional<Confirmation> look(String reference) {
        return byReference(reference, LockModeType.NONE).map(this::standing);
    }

    /**
     * Carries the declaration out, once. Two clicks at the same moment queue on the declaration's row, and the
     * second finds the first one's cancellation.
     */
    public Optional<Confirmation> confirm(String reference) {
        Optional<CancellationDeclaration> locked = byReference(reference, LockModeType.PESSIMISTIC_WRITE);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        CancellationDeclaration declaration = locked.get();
        Confirmation standing = standing(declaration);
        if (standing.state() != State.WAITING || !cancellations.policy().offers(declaration.getConfirmMode())) {
            return Optional.of(standing);
        }
        Instant now = clock.instant();
        Cancellation cancellation = cancellations.cancel(new CancelCommand(declaration.getConfirmSubscriptionId(),
                declaration.getConfirmMode(), Requester.publicForm(declaration.declared().accountEmail()),
                PublicCancellations.idempotencyKey(declaration), null, null, declaration.getReceivedAt()));
        declaration.confirmed(cancellation.getId(), now);
        audit.record(PublicCancellations.FORM_ACTOR, Channel.PUBLIC_FORM, "DECLARATION_CONFIRMED",
                PublicCancellations.SUBJECT, declaration.getId(), "OPEN", declaration.getStatus(),
                "confirmed by the link to the account's own address, cancellation " + cancellation.getReference());
        return Optional.of(new Confirmation(declaration, standing.subscription(), State.CONFIRMED, cancellation));
    }

    private Confirmation standing(CancellationDeclaration declaration) {
        Subscription subscription = em.find(Subscription.class, declaration.getConfirmSubscriptionId());
        Cancellation cancellation = Optional.ofNullable(declaration.getCancellationId())
                .map(id -> em.find(Cancellation.class, id)).orElse(null);
        State state;
        if (declaration.getConfirmedAt() != null) {
            state = State.CONFIRMED;
        } else if (!declaration.isOpen()) {
            state = State.RESOLVED;
        } else if (!declaration.getConfirmUntil().isAfter(clock.instant())) {
            state = State.EXPIRED;
        } else {
            state = State.WAITING;
        }
        return new Confirmation(declaration, subscription, state, cancellation);
    }

    private Optional<CancellationDeclaration> byReference(String reference, LockModeType lock) {
        return em.createQuery("select d from CancellationDeclaration d where d.reference = :reference"
                        + " and d.confirmSubscriptionId is not null", CancellationDeclaration.class)
                .setParameter("reference", reference).setLockMode(lock).getResultStream().findFirst();
    }
}
