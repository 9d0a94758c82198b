package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.web.http.ProblemDetails;

/**
 * A promised refund and the operator's word on it, paid or failed: the same calls, body and answers for a
 * cancellation's refund (RefundResource) and a withdrawal's (WithdrawalRefundResource), each reached by the reference
 * of the record that owes it. The subscriber's page and an email tell what the operator says, and nothing before it
 * says so. Each resource declares its own two methods, with these words for the API's description: the OpenAPI
 * document loses the path parameter of resource methods inherited from a base class.
 */
@RequestScoped
public class RefundCalls {

    static final String GET_SUMMARY = "Where the refund stands";
    static final String GET_DESCRIPTION = "status: due (you still have time to confirm it), overdue (the days to"
            + " confirm it have passed), paid or failed (as you reported); belongs_to: cancellation or withdrawal.";
    static final String CONFIRM_SUMMARY = "Say that the refund was paid, or that paying it failed";
    static final String CONFIRM_DESCRIPTION = "Body: {\"status\": \"paid\", \"paid_on\": \"2026-12-03\","
            + " \"payment_reference\": \"re_123\"} or {\"status\": \"failed\", \"reason\": \"The card has"
            + " expired.\"} (the subscriber reads the reason). The same word again changes nothing; a paid refund stays"
            + " paid; a failed one may be reported paid later. The same Idempotency-Key with the same body within 24"
            + " hours gets the first answer again.";
    static final String NOT_FOUND = "No such record of yours, or it owes no refund";
    static final String KEY = "A key of yours for this request, up to 255 characters";

    /** The record kind a refund call reaches, and how it finds the refund. */
    interface Owner {

        /** The refund owed by the operator's own record with this reference (as typed), if it owes one. */
        Optional<Refund> refundOf(OperatorAccount operator, String reference);

        /** "cancellations" or "withdrawals": where the record lives, for the idempotency key's scope. */
        String records();

        /** The 404's words: no such record of this operator's, or it owes no refund. */
        String noRefund();
    }

    private static final Set<String> FIELDS = Set.of("status", "paid_on", "payment_reference", "reason");

    @Inject
    CallingOperator caller;

    @Inject
    Refunds refunds;

    @Inject
    IdempotentRequests requests;

    @Inject
    Bodies bodies;

    Response get(Owner owner, String reference) {
        return owner.refundOf(caller.account(), reference)
                .map(refund -> Response.ok(Representations.refund(refund)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, owner.noRefund()));
    }

    Response confirm(Owner owner, String reference, String key, String body) {
        OperatorAccount operator = caller.account();
        return requests.answer(operator.id(), key, "POST", owner.records() + "/" + reference + "/refund", body,
                () -> confirm(owner, operator, reference, confirmation(body)));
    }

    private StoredResponse confirm(Owner owner, OperatorAccount operator, String reference,
                                   Refunds.Confirmation confirmation) {
        Optional<Refund> refund = owner.refundOf(operator, reference);
        if (refund.isEmpty()) {
            return IdempotentRequests.notFound(owner.noRefund() + " Nothing was changed.");
        }
        Refund confirmed = refunds.confirm(refund.get(), confirmation, operator.actor());
        return new StoredResponse(200, Representations.refund(confirmed).toString());
    }

    private Refunds.Confirmation confirmation(String body) {
        JsonObject json = bodies.object(body);
        JsonFields fields = new JsonFields(json, FIELDS);
        Refunds.Confirmation confirmation = new Refunds.Confirmation(fields.string("status"), fields.date("paid_on"),
                fields.string("payment_reference"), fields.string("reason"));
        if (!fields.problems().isEmpty()) {
            throw new InvalidFieldsException(fields.problems());
        }
        return confirmation;
    }
}
