package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.cancellation.entity.Cancellation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every cancellation of the operator's subscriptions, from any channel, including undone ones. */
@Path("cancellations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cancellations")
public class CancellationsResource {

    @Inject
    CallingOperator caller;

    @Inject
    OperatorRecords records;

    @GET
    @Operation(summary = "List cancellations of your subscriptions, oldest first, a page at a time",
            description = "Each says when it takes effect, the refund, the channel it came through, and when it was"
                    + " undone, if it was. Pass next_cursor as 'after' for the next page.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    public Response list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(after, limit);
        OperatorRecords.Page<Cancellation> found = records.cancellations(caller.account(), page.after(), page.limit());
        return Response.ok(Representations.page(found.items(), found.nextAfter(), Representations::cancellation))
                .build();
    }
}
