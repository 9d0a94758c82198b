package org.cancelportal.publiccancel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.hashing.Sha256;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.publiccancel.entity.Declared;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.time.WaitingTime;

/**
 * Receives cancellations declared on the public form, without an account. Every declaration is recorded with its
 * time of receipt and confirmed by email (outbox), in one transaction with whatever else it causes. One that names
 * exactly one active subscription is carried out at once under the usual policy (channel PUBLIC_FORM) when the owner
 * can undo it; when it would end access now or for good, it waits for the link sent to the account's own address
 * ({@link DeclarationConfirmations}); any other waits for support. What the sender sees and gets never depends on
 * which of these happened.
 */
@ApplicationScoped
public class PublicCancellations {

    public static final String DECLARATION_PREFIX = "DC-";
    static final String SUBJECT = "Declaration";
    static final String FORM_ACTOR = "public form";
    /** The same declaration again within this time (refresh, a second tab, a double click) is the same one. */
    static final Duration SAME_DECLARATION_WINDOW = Duration.ofHours(24);

    /** What came of sending the form: the declaration (new or the same one sent before), or how long to wait. */
    public record Result(CancellationDeclaration declaration, Duration waitBeforeRetry) {

        public boolean received() {
            return declaration != null;
        }

        /** Whole minutes to wait, rounded up, at least one. */
        public long waitMinutes() {
            return WaitingTime.wholeMinutes(waitBeforeRetry);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SubscriptionCandidates candidates;

    @Inject
    CancellationService cancellations;

    @Inject
    PublicCancelThrottle throttle;

    @Inject
    PublicCancelSettings settings;

    @Inject
    ReferenceGenerator references;

    @Inject
    DeclarationEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** @throws IllegalArgumentException the form has problems (check {@link DeclarationForm#problems} first) */
    @Transactional
    public Result declare(DeclarationForm form, Locale locale, String clientAddress) {
        Declared declared = form.declared(locale, settings.today());
        String hash = contentHash(declared);
        // two tabs sending the same declaration at the same moment queue here, so the second finds the first
        NativeSql.query(em, "SELECT pg_advisory_xact_lock(hashtext(?1))", hash).getSingleResult();
        Instant now = clock.instant();
        Optional<CancellationDeclaration> earlier = sameDeclarationSince(hash, now.minus(SAME_DECLARATION_WINDOW));
        if (earlier.isPresent()) {
            return new Result(earlier.get(), Duration.ZERO);
        }
        Optional<Duration> wait = throttle.refusedFor(clientAddress, now);
        if (wait.isPresent()) {
            return new Result(null, wait.get());
        }
        throttle.declared(clientAddress, now);
        CancellationDeclaration declaration = new CancellationDeclaration(uniqueReference(), now, declared, hash);
        if (!throttle.mayEmailRecipient(declared.confirmationEmail(), now)) {
            declaration.withholdConfirmationEmail();
        }
        em.persist(declaration);
        em.flush();
        audit.record(FORM_ACTOR, Channel.PUBLIC_FORM, "DECLARATION_RECEIVED", SUBJECT, declaration.getId(), null,
                declaration.getStatus(), "reference " + declaration.getReference());
        events.declared(declaration);
        carryOutIfCertain(declaration, declared, now);
        return new Result(declaration, Duration.ZERO);
    }

    /** Read-only: the declaration behind a confirmation link. */
    @Transactional
    public Optional<CancellationDeclaration> byReference(String reference) {
        return em.createQuery("select d from CancellationDeclaration d where d.reference = :reference",
                CancellationDeclaration.class).setParameter("reference", reference).getResultStream().findFirst();
    }

    /**
     * Whether the confirmation of what was sent may quote what the sender typed: only when it goes to the address of
     * the account it names, so our emails never carry a stranger's text to a third party. The address counts without
     * case or surrounding spaces.
     */
    @Transactional
    public boolean confirmationGoesToTheAccount(CancellationDeclaration declaration) {
        Declared declared = declaration.declared();
        String address = ContractMatching.loose(declared.confirmationEmail());
        return address.equals(ContractMatching.loose(declared.accountEmail()))
                && em.createQuery("select count(s) from Subscriber s where lower(s.email) = :address", Long.class)
                .setParameter("address", address).getSingleResult() > 0;
    }

    private void carryOutIfCertain(CancellationDeclaration declaration, Declared declared, Instant now) {
        Optional<Subscription> subscription = candidates.match(declared)
                .map(candidate -> em.find(Subscription.class, candidate.subscriptionId()));
        AutomaticCancellation.Decision decision = subscription.map(found -> AutomaticCancellation.decide(
                        declared.kind(), declared.desiredEnd(), cancellations.policy(), found, now))
                .orElseGet(AutomaticCancellation.Decision::support);
        if (decision.route() != AutomaticCancellation.Route.CARRY_OUT) {
            if (decision.route() == AutomaticCancellation.Route.CONFIRM_BY_LINK) {
                awaitConfirmation(declaration, subscription.get(), decision.mode(), now);
            }
            events.waiting(declaration, candidates.forAgent(declared).stream()
                    .map(ContractMatching.Candidate::subscriptionId).toList());
            return;
        }
        Cancellation cancellation = cancellations.cancel(new CancelCommand(subscription.get().getId(),
                decision.mode(), Requester.publicForm(declared.accountEmail()), idempotencyKey(declaration), null,
                null, declaration.getReceivedAt()));
        declaration.cancelled(cancellation.getId(), now, FORM_ACTOR);
        audit.record(FORM_ACTOR, Channel.PUBLIC_FORM, "DECLARATION_CANCELLED", SUBJECT, declaration.getId(), "OPEN",
                declaration.getStatus(), "matched at once, cancellation " + cancellation.getReference());
    }

    /** Stays open for support meanwhile; the owner's link carries it out (see {@link DeclarationConfirmations}). */
    private void awaitConfirmation(CancellationDeclaration declaration, Subscription subscription,
                                   CancellationMode mode, Instant now) {
        declaration.awaitConfirmation(subscription.getId(), mode, now.plus(settings.confirmLinkLifetime()));
        audit.record(FORM_ACTOR, Channel.PUBLIC_FORM, "DECLARATION_AWAITS_CONFIRMATION", SUBJECT, declaration.getId(),
                null, declaration.getStatus(), "subscription " + subscription.getId() + ", mode " + mode
                        + ", link sent to the account's own address");
        events.awaitsConfirmation(declaration);
    }

    /** One declaration leads to at most one cancellation, however often it is carried out. */
    static String idempotencyKey(CancellationDeclaration declaration) {
        return "declaration-" + declaration.getReference();
    }

    private Optional<CancellationDeclaration> sameDeclarationSince(String hash, Instant since) {
        List<?> ids = NativeSql.query(em, "SELECT id FROM cancellation_declaration WHERE content_hash = ?1"
                + " AND received_at > ?2 ORDER BY received_at LIMIT 1", hash, Timestamp.from(since)).getResultList();
        return ids.stream().findFirst()
                .map(id -> em.find(CancellationDeclaration.class, ((Number) id).longValue()));
    }

    private String uniqueReference() {
        String reference = references.next(DECLARATION_PREFIX);
        while (byReference(reference).isPresent()) {
            reference = references.next(DECLARATION_PREFIX);
        }
        return reference;
    }

    /** Everything the person typed, as the matching reads it: the same declaration gives the same hash. */
    static String contentHash(Declared declared) {
        String content = String.join("\n", ContractMatching.loose(declared.contract()),
                ContractMatching.loose(declared.name()), ContractMatching.loose(declared.accountEmail()),
                declared.kind().name(), ContractMatching.loose(declared.reason()),
                String.valueOf(declared.desiredEnd()), ContractMatching.loose(declared.confirmationEmail()));
        return Sha256.hex(content);
    }
}
