package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.withdrawal.control.WithdrawalService;
import org.cancelportal.withdrawal.control.Withdrawals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Withdrawals by their reference, each only to the operator whose subscription it ended. */
@Path("withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Withdrawals")
public class WithdrawalsResource {

    @Inject
    CallingOperator caller;

    @Inject
    Withdrawals withdrawals;

    @GET
    @Path("{reference}")
    @Operation(summary = "Read one withdrawal")
    @APIResponse(responseCode = "200", description = "The withdrawal")
    @APIResponse(responseCode = "404", description = "You have no withdrawal with this reference")
    public Response get(@PathParam("reference") String reference) {
        OperatorAccount operator = caller.account();
        Requester requester = Requester.operator(operator.actor(), operator.id());
        return withdrawals.byReference(WithdrawalService.normalise(reference))
                .filter(withdrawal -> requester.mayActOn(withdrawal.getSubscription()))
                .map(withdrawal -> Response.ok(Representations.withdrawal(withdrawal)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND,
                        "You have no withdrawal with this reference."));
    }
}
