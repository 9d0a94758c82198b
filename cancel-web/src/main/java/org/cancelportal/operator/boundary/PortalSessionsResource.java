package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.portalsession.control.PortalLink;
import org.cancelportal.portalsession.control.PortalSessions;
import org.cancelportal.portalsession.control.RedeemedSession;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in links for the operator's own signed-in customers: to their account page, or to one cancel box. */
@Path("portal-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Portal sessions")
public class PortalSessionsResource {

    private static final Set<String> FIELDS = Set.of("subscriber", "subscription", "flow", "return_url");

    @Inject
    CallingOperator caller;

    @Inject
    OperatorRecords records;

    @Inject
    PortalSessions sessions;

    @Inject
    Bodies bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a portal session",
            description = "Body: subscriber (your id), return_url (must be on one of your allowed origins), and"
                    + " optionally subscription (your id) with flow 'cancel' to open straight on its cancel box."
                    + " Answers with a url to send the customer's browser to: it works once, for a few minutes.")
    @APIResponse(responseCode = "201", description = "The url and when it expires")
    @APIResponse(responseCode = "400", description = "Bad fields, each named: an unknown subscriber or"
            + " subscription, a return_url outside your allowed origins")
    public Response open(String body) {
        OperatorAccount operator = caller.account();
        JsonFields fields = new JsonFields(bodies.object(body), FIELDS);
        String subscriberId = fields.string("subscriber");
        String subscriptionId = fields.string("subscription");
        String flow = Optional.ofNullable(fields.string("flow")).orElse(RedeemedSession.ACCOUNT);
        String returnUrl = fields.string("return_url");
        Optional<Subscriber> subscriber = subscriberId == null ? Optional.empty()
                : records.subscriber(operator, subscriberId, LockModeType.NONE);
        if (subscriber.isEmpty()) {
            fields.problem("subscriber", "Name one of your subscribers by your id for them.");
        }
        Optional<Subscription> subscription = subscriptionId == null ? Optional.empty()
                : records.subscription(operator, subscriptionId, LockModeType.NONE)
                        .filter(found -> subscriber.isPresent()
                                && found.getSubscriber().getId().equals(subscriber.get().getId()));
        if (subscriptionId != null && subscription.isEmpty()) {
            fields.problem("subscription", "This subscriber has no subscription with this id.");
        }
        if (!Set.of(RedeemedSession.ACCOUNT, RedeemedSession.CANCEL).contains(flow)) {
            fields.problem("flow", "Use 'cancel' to open on one subscription's cancel box, or leave it out.");
        } else if (RedeemedSession.CANCEL.equals(flow) && subscriptionId == null) {
            fields.problem("subscription", "The 'cancel' flow needs the subscription to cancel.");
        }
        if (returnUrl == null || !operator.allowsReturnTo(returnUrl)) {
            fields.problem("return_url", "Give an http(s) URL on one of your allowed origins: "
                    + (operator.allowedOrigins().isEmpty() ? "none are set up yet"
                    : String.join(", ", operator.allowedOrigins())) + ".");
        }
        if (!fields.problems().isEmpty()) {
            throw new InvalidFieldsException(fields.problems());
        }
        PortalLink link = sessions.open(operator, subscriber.get().getId(),
                subscription.map(Subscription::getId).orElse(null), flow, returnUrl);
        JsonObject json = Json.createObjectBuilder().add("url", link.url())
                .add("expires_at", link.expiresAt().toString()).build();
        return Response.status(Response.Status.CREATED).entity(json).build();
    }
}
