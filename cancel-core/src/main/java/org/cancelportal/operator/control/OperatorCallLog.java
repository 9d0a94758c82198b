package org.cancelportal.operator.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Channel;

/**
 * Every API call of an operator in the audit trail: who, what, and the status it got. Written in a transaction of its
 * own, after the call, so refused and failed calls are recorded too.
 */
@ApplicationScoped
public class OperatorCallLog {

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void called(OperatorAccount operator, String method, String path, int status) {
        audit.record(operator.actor(), Channel.API, "API_CALL", "Operator", operator.id(), null, status,
                abbreviated(method + " " + path));
    }

    private static String abbreviated(String call) {
        return call.length() <= 900 ? call : call.substring(0, 899) + "…";
    }
}
