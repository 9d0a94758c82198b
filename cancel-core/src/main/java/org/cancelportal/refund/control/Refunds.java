package org.cancelportal.refund.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.operatordata.control.ConflictException;
import org.cancelportal.operatordata.control.FieldProblem;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.refund.entity.RefundStatus;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.withdrawal.entity.Withdrawal;

/**
 * Follows a promised refund through: due when the cancellation or withdrawal is made, confirmed as paid or failed by
 * the operator, overdue when the operator lets the agreed days pass. A withdrawal's refund follows the very same rules
 * as a cancellation's. Each change is audited on the subscription and raises an event, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Refunds {

    static final int BATCH = 100;
    static final int MAX_PAYMENT_REFERENCE = 100;
    static final int MAX_REASON = 500;
    private static final String SUBJECT = "Subscription";

    @PersistenceContext
    EntityManager em;

    @Inject
    RefundSettings settings;

    @Inject
    RefundEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** What the operator reports: paid (on a date, under its payment reference) or failed (with a reason). */
    public record Confirmation(String status, LocalDate paidOn, String paymentReference, String reason) {

        public static final String PAID = "paid";
        public static final String FAILED = "failed";
    }

    /** Opens the refund a new cancellation promises, if it promises one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Refund> open(Cancellation cancellation) {
        if (cancellation.getRefund().isZero()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(opened(new Refund(cancellation, now, now.plus(settings.confirmWithin()))));
    }

    /** Opens the refund a new withdrawal owes, if it owes anything. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Refund> open(Withdrawal withdrawal) {
        if (withdrawal.getRefund().refund().isZero()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(opened(new Refund(withdrawal, now, now.plus(settings.confirmWithin()))));
    }

    private Refund opened(Refund refund) {
        em.persist(refund);
        events.publish(RefundEvents.DUE, refund);
        return refund;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Refund> of(Cancellation cancellation) {
        return em.createQuery("select r from Refund r where r.cancellation = :record", Refund.class)
                .setParameter("record", cancellation).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Refund> of(Withdrawal withdrawal) {
        return em.createQuery("select r from Refund r where r.withdrawal = :record", Refund.class)
                .setParameter("record", withdrawal).getResultStream().findFirst();
    }

    /**
     * Records the operator's word on the refund. The same word again changes nothing; a refund reported paid stays
     * paid, and one that failed may still be paid later.
     *
     * @throws InvalidFieldsException the confirmation is incomplete or implausible; nothing changed
     * @throws ConflictException      the refund was already reported paid, differently
     */
    public Refund confirm(Refund promised, Confirmation confirmation, String actor) {
        Refund refund = em.find(Refund.class, promised.getId());
        em.refresh(refund, LockModeType.PESSIMISTIC_WRITE);
        check(confirmation, refund);
        Instant now = clock.instant();
        RefundStatus before = refund.getStatus();
        if (Confirmation.PAID.equals(confirmation.status())) {
            if (before == RefundStatus.PAID) {
                if (sameAsPaid(refund, confirmation)) {
                    return refund;
                }
                throw new ConflictException("status", "This refund was reported paid on " + refund.getPaidOn()
                        + " (payment reference " + refund.getPaymentReference() + ") already.");
            }
            refund.paid(confirmation.paidOn(), confirmation.paymentReference().strip(), now, actor);
            record(actor, "REFUND_PAID", refund, before, "paid on " + refund.getPaidOn() + ", payment reference "
                    + refund.getPaymentReference());
            events.publish(RefundEvents.PAID, refund);
        } else {
            if (before == RefundStatus.PAID) {
                throw new ConflictException("status", "This refund was reported paid on " + refund.getPaidOn()
                        + " already; a payment that was reversed afterwards is a new matter for support.");
            }
            String reason = confirmation.reason().strip();
            if (before == RefundStatus.FAILED && reason.equals(refund.getFailureReason())) {
                return refund;
            }
            refund.failed(reason, now, actor);
            record(actor, "REFUND_FAILED", refund, before, reason);
            events.publish(RefundEvents.FAILED, refund);
        }
        return refund;
    }

    /** Marks the refunds whose days to confirm have passed; every node may run this at once. */
    public int markOverdue() {
        Instant now = clock.instant();
        List<?> ids = NativeSql.query(em, "SELECT id FROM refund WHERE status = 'DUE' AND due_by <= ?1"
                + " ORDER BY due_by LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED", Timestamp.from(now)).getResultList();
        for (Object id : ids) {
            Refund refund = em.find(Refund.class, ((Number) id).longValue());
            refund.overdue(now);
            record("system", "REFUND_OVERDUE", refund, RefundStatus.DUE, "not confirmed within "
                    + settings.confirmWithinDays() + " days");
            events.publish(RefundEvents.OVERDUE, refund);
        }
        return ids.size();
    }

    /** The refunds a person should chase: overdue or failed, the longest waiting first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Refund> needingAttention() {
        return em.createQuery("select r from Refund r where r.status in :open order by r.dueBy, r.id",
                        Refund.class)
                .setParameter("open", List.of(RefundStatus.OVERDUE, RefundStatus.FAILED)).setMaxResults(200)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long needingAttentionCount() {
        return em.createQuery("select count(r) from Refund r where r.status in :open", Long.class)
                .setParameter("open", List.of(RefundStatus.OVERDUE, RefundStatus.FAILED)).getSingleResult();
    }

    private void check(Confirmation confirmation, Refund refund) {
        List<FieldProblem> problems = new ArrayList<>();
        String status = confirmation.status();
        if (!Confirmation.PAID.equals(status) && !Confirmation.FAILED.equals(status)) {
            problems.add(new FieldProblem("status", "Say \"paid\" or \"failed\"."));
        } else if (Confirmation.PAID.equals(status)) {
            LocalDate requested = LocalDate.ofInstant(refund.getPromisedAt(), ZoneOffset.UTC);
            // a day either way, for the time zones between the operator's billing and UTC
            LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
            if (confirmation.paidOn() == null) {
                problems.add(new FieldProblem("paid_on", "Required: the day the money was paid, e.g. "
                        + latest.minusDays(1) + "."));
            } else if (confirmation.paidOn().isAfter(latest)) {
                problems.add(new FieldProblem("paid_on", "This is in the future; say the day it was paid."));
            } else if (confirmation.paidOn().isBefore(requested.minusDays(1))) {
                problems.add(new FieldProblem("paid_on", "This is before the " + what(refund) + " (" + requested
                        + ")."));
            }
            text(problems, "payment_reference", confirmation.paymentReference(), MAX_PAYMENT_REFERENCE,
                    "your billing's id of the payment");
        } else {
            text(problems, "reason", confirmation.reason(), MAX_REASON, "why the payment did not go through, in"
                    + " words the subscriber may read");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "Required: " + what + "."));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "At most " + max + " characters."));
        }
    }

    private static boolean sameAsPaid(Refund refund, Confirmation confirmation) {
        return refund.getPaidOn().equals(confirmation.paidOn())
                && Objects.equals(refund.getPaymentReference(), confirmation.paymentReference().strip());
    }

    private static String what(Refund refund) {
        return refund.getKind() == Refund.Kind.WITHDRAWAL ? "withdrawal" : "cancellation";
    }

    private void record(String actor, String action, Refund refund, RefundStatus before, String detail) {
        audit.record(actor, actor.equals("system") ? Channel.SYSTEM : Channel.API, action, SUBJECT,
                refund.getSubscription().getId(), before, refund.getStatus(),
                (refund.getKind() == Refund.Kind.WITHDRAWAL ? "withdrawal " : "reference ") + refund.getReference()
                        + ", refund " + refund.getAmount().amount() + " "
                        + refund.getAmount().currency() + ", " + detail);
    }
}
