package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cancels a subscription on the subscriber's behalf, under the same policy as every other way (channel API, the
 * operator recorded, the receipt emailed to the subscriber). Exactly once: per Idempotency-Key, and per subscription.
 */
@Path("subscriptions/{externalId}/cancel")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class CancelResource {

    private static final Set<String> FIELDS = Set.of("mode");

    @Inject
    CallingOperator caller;

    @Inject
    CancellationService cancellations;

    @Inject
    IdempotentRequests requests;

    @Inject
    Bodies bodies;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Cancel a subscription",
            description = "Body (optional): mode, 'END_OF_PERIOD' or 'IMMEDIATE' as the policy offers; the policy's"
                    + " default otherwise. The same Idempotency-Key with the same body within 24 hours gets the first"
                    + " answer again (header Idempotent-Replayed: true); with another body, 422.")
    @APIResponse(responseCode = "201", description = "Cancelled by this request")
    @APIResponse(responseCode = "200", description = "A cancellation was already in force; here it is")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, or a bad mode")
    @APIResponse(responseCode = "404", description = "You have no subscription with this id")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response cancel(@PathParam("externalId") String externalId,
                           @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                   description = "A key of yours for this request, up to 255 characters")
                           @HeaderParam(KeyReusedMapper.HEADER) String key,
                           String body) {
        OperatorAccount operator = caller.account();
        return requests.onSubscription(operator, key, externalId, "cancel", body,
                subscription -> cancel(operator, subscription, mode(body)));
    }

    private CancellationMode mode(String body) {
        JsonObject json = bodies.object(body);
        JsonFields fields = new JsonFields(json, FIELDS);
        String mode = fields.string("mode");
        List<String> offered = cancellations.policy().offeredModes().stream().map(Enum::name).toList();
        if (mode != null && !offered.contains(mode)) {
            fields.problem("mode", "The policy offers " + String.join(" or ", offered) + ".");
        }
        if (!fields.problems().isEmpty()) {
            throw new InvalidFieldsException(fields.problems());
        }
        return mode == null ? cancellations.policy().defaultMode() : CancellationMode.valueOf(mode);
    }

    private StoredResponse cancel(OperatorAccount operator, Subscription subscription, CancellationMode mode) {
        boolean cancelsNow = subscription.getStatus() == SubscriptionStatus.ACTIVE;
        Cancellation cancellation = cancellations.cancel(new CancelCommand(subscription.getId(), mode,
                Requester.operator(operator.actor(), operator.id()), null));
        return new StoredResponse(cancelsNow ? 201 : 200, Representations.cancellation(cancellation).toString());
    }
}
