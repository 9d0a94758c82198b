package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.cancelportal.operator.control.OperatorKeys;
import org.cancelportal.web.http.BearerToken;
import org.cancelportal.web.http.ProblemDetails;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key rotation and revocation, by the operator itself, with a key it has now. */
@Path("api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeysResource {

    @Inject
    CallingOperator caller;

    @Inject
    OperatorKeys keys;

    @POST
    @Path("rotate")
    @Operation(summary = "Rotate your API key",
            description = "Makes a new key and answers with it; it is shown only this once. The key you call with"
                    + " keeps working until previous_key_valid_until (operator-keys.previous-key-grace, 24 hours), so you"
                    + " can switch without a gap. Every other key of yours stops working now. Your contact address gets"
                    + " an email.")
    @APIResponse(responseCode = "201", description = "The new key")
    public Response rotate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        OperatorKeys.Rotation rotation = keys.rotate(caller.account(), BearerToken.from(authorization).orElseThrow());
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("api_key", rotation.key())
                .add("previous_key_valid_until", rotation.previousKeyValidUntil().toString()).build()).build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke one of your API keys",
            description = "The key in the body ({\"api_key\": \"…\"}) stops working now, whichever key you call with"
                    + " (it may be the same one). Your contact address gets an email.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "400", description = "No api_key in the body")
    @APIResponse(responseCode = "404", description = "Not one of your working keys")
    public Response revoke(String body) {
        String key = apiKey(body);
        if (key == null || key.isBlank()) {
            return ProblemDetails.of(Response.Status.BAD_REQUEST, "Give the key to revoke as a string in api_key.");
        }
        return keys.revoke(caller.account(), key) ? Response.noContent().build()
                : ProblemDetails.of(Response.Status.NOT_FOUND, "This is not one of your working keys.");
    }

    private static String apiKey(String body) {
        try {
            JsonObject json = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))
                    .readObject();
            JsonValue value = json.get("api_key");
            return value instanceof JsonString text ? text.getString() : null;
        } catch (JsonException e) {
            return null;
        }
    }
}
