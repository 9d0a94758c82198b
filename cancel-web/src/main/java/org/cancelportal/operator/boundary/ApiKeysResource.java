package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cancelportal.operator.control.Operators;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key rotation, by the operator itself, with the key it has now. */
@Path("api-keys/rotate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeysResource {

    @Inject
    CallingOperator caller;

    @Inject
    Operators operators;

    @POST
    @Operation(summary = "Rotate your API key",
            description = "Makes a new key and answers with it; it is shown only this once. The key that was current"
                    + " until now keeps working until the next rotation, so you can switch without a gap. Any older key stops"
                    + " working now.")
    @APIResponse(responseCode = "201", description = "The new key")
    public Response rotate() {
        String key = operators.rotateKey(caller.account().id());
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("api_key", key)
                .add("previous_key", "keeps working until the next rotation").build()).build();
    }
}
