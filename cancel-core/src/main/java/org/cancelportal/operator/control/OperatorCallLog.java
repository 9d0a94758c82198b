package org.cancelportal.operator.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Channel;

/**
 * Every API call of an operator in the audit trail: who, what, and the status it got. A call that writes records it in
 * its own transaction, so the change and its record commit together; every other call, and a call whose transaction
 * rolled back, is recorded after the call in a transaction of its own, so refused and failed calls are recorded too.
 */
@ApplicationScoped
public class OperatorCallLog {

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void called(OperatorAccount operator, String call, int status) {
        record(operator, call, status);
    }

    /**
     * A write and the record of its call in one transaction: both commit, or neither, and then the refused call is
     * recorded after, in its own.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T writtenAndCalled(OperatorAccount operator, String call, Supplier<T> write, ToIntFunction<T> status) {
        T written = write.get();
        record(operator, call, status.applyAsInt(written));
        return written;
    }

    /** Within the transaction of the call itself: if that rolls back, so does this, and the call is recorded after. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void calledWithin(OperatorAccount operator, String call, int status) {
        record(operator, call, status);
    }

    private void record(OperatorAccount operator, String call, int status) {
        audit.record(operator.actor(), Channel.API, "API_CALL", "Operator", operator.id(), null, status,
                abbreviated(call));
    }

    private static String abbreviated(String call) {
        return call.length() <= 900 ? call : call.substring(0, 899) + "…";
    }
}
