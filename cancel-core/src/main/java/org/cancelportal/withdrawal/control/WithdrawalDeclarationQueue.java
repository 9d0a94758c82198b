package org.cancelportal.withdrawal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.publiccancel.control.ContractMatching.Candidate;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.publiccancel.control.SubscriptionCandidates;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.publiccancel.entity.Declared;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * The withdrawals declared on the public page that nobody has carried out yet: those waiting for the link to the
 * account's own address (or whose link expired or was withheld), and those that named no contract for certain. An
 * agent carries one out on the subscriber's behalf, as of the declaration's time of receipt, or closes it with a note.
 * Each step is audited; resolving one twice (a double click, two agents, the link at the same moment) changes nothing
 * the second time.
 */
@ApplicationScoped
@Transactional
public class WithdrawalDeclarationQueue {

    static final String SUBJECT = "WithdrawalDeclaration";

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicWithdrawals declarations;

    @Inject
    SubscriptionCandidates candidates;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Oldest first: the law counts from the time of receipt. */
    public List<WithdrawalDeclaration> open() {
        return em.createQuery("select d from WithdrawalDeclaration d where d.status = :open"
                        + " order by d.receivedAt, d.id", WithdrawalDeclaration.class)
                .setParameter("open", WithdrawalDeclaration.Status.OPEN)
                .setMaxResults(DeclarationQueue.MAX_LISTED).getResultList();
    }

    public long openCount() {
        return em.createQuery("select count(d) from WithdrawalDeclaration d where d.status = :open", Long.class)
                .setParameter("open", WithdrawalDeclaration.Status.OPEN).getSingleResult();
    }

    /** The open declarations that name one of this subscriber's subscriptions, oldest first. */
    public List<WithdrawalDeclaration> openFor(long subscriberId) {
        return em.createQuery("select d from WithdrawalDeclaration d where d.status = :open"
                        + " and d.subscription.subscriber.id = :subscriber order by d.receivedAt, d.id",
                        WithdrawalDeclaration.class)
                .setParameter("open", WithdrawalDeclaration.Status.OPEN).setParameter("subscriber", subscriberId)
                .getResultList();
    }

    public Optional<WithdrawalDeclaration> find(long id) {
        return Optional.ofNullable(em.find(WithdrawalDeclaration.class, id));
    }

    /** The subscription it named for certain, or else those of anyone with the declared email or name. */
    public List<Candidate> candidates(WithdrawalDeclaration declaration) {
        Declared declared = new Declared(declaration.getContract(), declaration.getName(), declaration.getEmail(),
                DeclarationKind.ORDINARY, null, null, declaration.getEmail(), Locale.ROOT);
        List<Candidate> found = candidates.forAgentWithdrawal(declared);
        if (declaration.getSubscription() == null) {
            return found;
        }
        long named = declaration.getSubscription().getId();
        return found.stream().filter(candidate -> candidate.subscriptionId() == named).toList();
    }

    /**
     * Withdraws from the subscription on the subscriber's behalf, as of the declaration's time of receipt.
     *
     * @throws DeclarationQueue.AlreadyResolvedException it was resolved meanwhile
     * @throws WithdrawalNotPossibleException             the contract was outside its period then, or has ended
     */
    public Withdrawal withdraw(long declarationId, long subscriptionId, String agent) {
        WithdrawalDeclaration declaration = lockOpen(declarationId);
        Withdrawal withdrawal = declarations.carryOut(declaration, subscriptionId,
                Requester.staff(agent, Channel.PUBLIC_FORM), agent);
        if (declaration.isOpen()) {
            // the contract had been withdrawn from before, in another way: that withdrawal stands for this one
            declaration.close("Withdrawn before: " + withdrawal.getReference(), clock.instant(), agent);
        }
        audit.record(agent, Channel.SUPPORT, "WITHDRAWAL_DECLARATION_CARRIED_OUT", SUBJECT, declarationId, "OPEN",
                declaration.getStatus(), "subscription " + subscriptionId + ", withdrawal " + withdrawal.getReference());
        return withdrawal;
    }

    /**
     * @throws IllegalArgumentException                  an empty note, or a too long one
     * @throws DeclarationQueue.AlreadyResolvedException it was resolved meanwhile
     */
    public void close(long declarationId, String note, String agent) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > DeclarationQueue.MAX_NOTE) {
            throw new IllegalArgumentException("A note has 1 to " + DeclarationQueue.MAX_NOTE + " characters");
        }
        WithdrawalDeclaration declaration = lockOpen(declarationId);
        declaration.close(text, clock.instant(), agent);
        audit.record(agent, Channel.SUPPORT, "WITHDRAWAL_DECLARATION_CLOSED", SUBJECT, declarationId, "OPEN",
                declaration.getStatus(), "closed with a note");
    }

    private WithdrawalDeclaration lockOpen(long declarationId) {
        WithdrawalDeclaration declaration = Optional.ofNullable(em.find(WithdrawalDeclaration.class, declarationId,
                        LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new IllegalArgumentException("No withdrawal declaration " + declarationId));
        if (!declaration.isOpen()) {
            throw new DeclarationQueue.AlreadyResolvedException(declaration.getReference());
        }
        return declaration;
    }
}
