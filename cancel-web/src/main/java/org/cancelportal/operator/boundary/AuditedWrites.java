package org.cancelportal.operator.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.cancelportal.operator.control.OperatorCallLog;

/**
 * The API's writes that need no Idempotency-Key (an upsert sent twice changes nothing the second time): the change
 * and the call's record commit in one transaction. A refused write rolls back and CallAudit records it after.
 */
@ApplicationScoped
public class AuditedWrites {

    @Inject
    CallingOperator caller;

    @Inject
    OperatorCallLog log;

    public Response answer(Supplier<Response> write) {
        Response response = log.writtenAndCalled(caller.account(), caller.call(), write, Response::getStatus);
        caller.recordedWith(response.getStatus()); // committed: the response filter need not record it again
        return response;
    }
}
