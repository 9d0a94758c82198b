package org.cancelportal.withdrawal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.publiccancel.control.PublicCancelThrottle;
import org.cancelportal.publiccancel.control.SubscriptionCandidates;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.publiccancel.entity.Declared;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * Withdrawals declared without signing in. Every declaration is kept with its time of receipt and acknowledged to the
 * address typed, the same whether or not it named a contract. Only when it names one contract for certain (matched as
 * on the public cancel page, among active contracts and those whose cancellation is scheduled) that is still inside
 * its withdrawal period does the account's own address get a signed link to confirm it; the withdrawal is carried out
 * when that link is used before confirm_until, counted from the original time of receipt. So a stranger who knows a
 * person's name, email and plan can end nothing. The emails obey the public cancel page's limit per recipient
 * ({@link PublicCancelThrottle#mayEmailRecipient}), so nobody can use this form to flood an inbox either.
 */
@ApplicationScoped
public class PublicWithdrawals {

    public static final String AGGREGATE = "WithdrawalDeclaration";
    /** To the address typed: the declaration reached us (no free text, nothing about a match). */
    public static final String DECLARED = "WithdrawalDeclared";
    /** To the account's own address: confirm the withdrawal with the signed link, or ignore it. */
    public static final String CONFIRMATION_REQUESTED = "WithdrawalConfirmationRequested";
    static final String REFERENCE_PREFIX = "WR-";
    static final String LINK_ACTOR = "confirmation link";

    /** Where the link to the account's own address stands. */
    public enum LinkState {
        /** Following it now carries the withdrawal out. */
        WAITING,
        /** The withdrawal was made (by this link, or by support on the declaration's behalf). */
        WITHDRAWN,
        /** Support closed the declaration with a note; the link carries nothing out. */
        CLOSED,
        /** Its time is up; the declaration stays with support. */
        EXPIRED
    }

    /** A declaration behind a genuine link, where its link stands, and the withdrawal once there is one. */
    public record Confirmation(WithdrawalDeclaration declaration, LinkState state, Withdrawal withdrawal) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicCancelThrottle throttle;

    @Inject
    SubscriptionCandidates candidates;

    @Inject
    WithdrawalPolicy policy;

    @Inject
    WithdrawalService withdrawals;

    @Inject
    ReferenceGenerator references;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    WithdrawalSettings settings;

    @Inject
    Clock clock;

    /**
     * Records the declaration and queues its acknowledgement (and, for a certain match, the request to confirm).
     *
     * @throws PublicWithdrawalThrottledException too many declarations from this address lately; nothing recorded
     */
    @Transactional
    public WithdrawalDeclaration declare(PublicWithdrawalForm form, Locale locale, String clientAddress) {
        Instant now = clock.instant();
        throttle.refusedFor(clientAddress, now).ifPresent(wait -> {
            throw new PublicWithdrawalThrottledException(wait);
        });
        throttle.declared(clientAddress, now);
        String email = form.email().strip();
        Declared declared = new Declared(form.contract().strip(), form.name().strip(), email,
                DeclarationKind.ORDINARY, null, null, email, locale);
        Subscription named = candidates.matchForWithdrawal(declared)
                .map(candidate -> em.find(Subscription.class, candidate.subscriptionId()))
                .filter(subscription -> policy.mayWithdraw(subscription, now))
                .orElse(null);
        WithdrawalDeclaration declaration = new WithdrawalDeclaration(uniqueReference(), now, declared.name(),
                declared.contract(), email, locale, named, now.plus(settings.confirmLinkValidity()));
        // the acknowledgement goes to the typed address, and so does the link (the account's address is that one)
        boolean mayEmail = throttle.mayEmailRecipient(email, now);
        if (!mayEmail) {
            declaration.withholdEmails();
        }
        em.persist(declaration);
        em.flush();
        var payload = Json.createObjectBuilder().add("declarationId", declaration.getId())
                .add("reference", declaration.getReference()).build();
        // published either way, so the record of what happened is complete; the email consumer sends nothing when withheld
        outbox.publish(AGGREGATE, declaration.getId(), DECLARED, payload);
        if (named != null) {
            outbox.publish(AGGREGATE, declaration.getId(), CONFIRMATION_REQUESTED, payload);
            audit.record(email, Channel.PUBLIC_FORM, "WITHDRAWAL_DECLARED", WithdrawalService.SUBJECT_SUBSCRIPTION,
                    named.getId(), named.getStatus(), named.getStatus(), "declaration " + declaration.getReference()
                            + (mayEmail ? ", waiting for the account's own address to confirm"
                            : ", no link sent (many emails to that address lately), waiting for support"));
        }
        return declaration;
    }

    public Optional<WithdrawalDeclaration> byReference(String reference) {
        return em.createQuery("select d from WithdrawalDeclaration d where d.reference = :reference",
                WithdrawalDeclaration.class).setParameter("reference", reference).getResultStream().findFirst();
    }

    /** Read-only: the declaration a link names, if it ever named a subscription, and where its link stands. */
    @Transactional
    public Optional<Confirmation> look(String reference) {
        return byReference(reference).filter(found -> found.getConfirmUntil() != null).map(this::standing);
    }

    /**
     * Carries out the declared withdrawal, as of its time of receipt, while the link works and the declaration is
     * open; otherwise answers where it stands and changes nothing. Two presses queue on the declaration's row.
     *
     * @throws NotFoundException              the declaration named no contract for certain
     * @throws WithdrawalNotPossibleException the contract ended meanwhile in another way
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Confirmation confirm(String reference) {
        WithdrawalDeclaration declaration = em.createQuery("select d from WithdrawalDeclaration d"
                        + " where d.reference = :reference", WithdrawalDeclaration.class)
                .setParameter("reference", reference).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .filter(found -> found.getConfirmUntil() != null)
                .orElseThrow(() -> new NotFoundException(AGGREGATE + " " + reference));
        Confirmation standing = standing(declaration);
        if (standing.state() != LinkState.WAITING) {
            return standing;
        }
        Withdrawal withdrawal = carryOut(declaration, declaration.getSubscription().getId(),
                Requester.publicForm(declaration.getEmail()), LINK_ACTOR);
        return new Confirmation(declaration, LinkState.WITHDRAWN, withdrawal);
    }

    /**
     * Withdraws from the subscription as of the declaration's time of receipt; the declaration is resolved by it
     * when this declaration made the withdrawal (not when one was made before in another way).
     */
    Withdrawal carryOut(WithdrawalDeclaration declaration, long subscriptionId, Requester requester, String by) {
        String key = "declaration:" + declaration.getReference();
        Withdrawal withdrawal = withdrawals.withdraw(new WithdrawCommand(subscriptionId, requester, key,
                declaration.getReceivedAt()));
        if (key.equals(withdrawal.getIdempotencyKey())) {
            declaration.carriedOut(withdrawal, clock.instant(), by);
        }
        return withdrawal;
    }

    private Confirmation standing(WithdrawalDeclaration declaration) {
        LinkState state;
        if (declaration.getWithdrawal() != null) {
            state = LinkState.WITHDRAWN;
        } else if (!declaration.isOpen()) {
            state = LinkState.CLOSED;
        } else if (!declaration.getConfirmUntil().isAfter(clock.instant())) {
            state = LinkState.EXPIRED;
        } else {
            state = LinkState.WAITING;
        }
        return new Confirmation(declaration, state, declaration.getWithdrawal());
    }

    private String uniqueReference() {
        String reference = references.next(REFERENCE_PREFIX);
        while (byReference(reference).isPresent()) {
            reference = references.next(REFERENCE_PREFIX);
        }
        return reference;
    }
}
