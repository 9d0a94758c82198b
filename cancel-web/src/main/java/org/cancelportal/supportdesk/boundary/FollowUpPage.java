package org.cancelportal.supportdesk.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.ZoneId;
import java.util.List;
import org.cancelportal.brokenpromise.control.RenewalsAfterCancellation;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;

/**
 * /support/follow-up: the promises of receipts that are not being kept. Refunds the operator let run late or could
 * not pay, and renewals billing reported after a cancellation, each with the person to call about it.
 */
@Named("followUp")
@RequestScoped
public class FollowUpPage {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A refund that is owed and not confirmed as paid; kind says whether a cancellation or a withdrawal owes it. */
    public record RefundRow(String kind, String reference, long subscriberId, String subscriberName, String amount,
                            String status, String dueBy, String reason) {
    }

    /** A renewal held back because the subscription's cancellation is in force. */
    public record RenewalRow(long id, String reference, long subscriberId, String subscriberName, String planName,
                             String effectiveAt, String reportedPeriodEnd, String reportedAt, String reportedBy) {
    }

    @Inject
    Refunds refunds;

    @Inject
    RenewalsAfterCancellation renewals;

    @Inject
    DisplayFormat format;

    @Inject
    SecurityContext security;

    @Inject
    Navigation navigation;

    private List<RefundRow> refundRows;
    private List<RenewalRow> renewalRows;

    public List<RefundRow> getRefunds() {
        if (refundRows == null) {
            refundRows = refunds.needingAttention().stream().map(this::row).toList();
        }
        return refundRows;
    }

    public List<RenewalRow> getRenewals() {
        if (renewalRows == null) {
            renewalRows = renewals.open().stream().map(open -> new RenewalRow(open.id(), open.reference(),
                    open.subscriberId(), open.subscriberName(), open.planName(),
                    format.dateTime(open.effectiveAt(), UTC),
                    format.dateTime(open.periodEnd(), UTC), format.dateTime(open.reportedAt(), UTC),
                    open.reportedBy())).toList();
        }
        return renewalRows;
    }

    @RolesAllowed("support")
    public void resolveRenewal(long id) {
        renewals.resolve(id, security.getCallerPrincipal().getName());
        navigation.redirect("/support/follow-up?done=resolved");
    }

    private RefundRow row(Refund refund) {
        var subscription = refund.getSubscription();
        return new RefundRow(refund.getKind().name(), refund.getReference(), subscription.getSubscriber().getId(),
                subscription.getSubscriber().getName(), format.money(refund.getAmount()), refund.getStatus().name(),
                format.dateTime(refund.getDueBy(), UTC), refund.getFailureReason());
    }
}
