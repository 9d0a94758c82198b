package org.cancelportal.operator.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.cancelportal.operator.control.OperatorAccount;

/** The operator whose key this request carries; set by OperatorKeyFilter before any resource runs. */
@RequestScoped
public class CallingOperator {

    private OperatorAccount account;
    private String call;
    private Integer recordedStatus;

    void identify(OperatorAccount account) {
        this.account = account;
    }

    public OperatorAccount account() {
        if (account == null) {
            throw new IllegalStateException("No operator identified for this request");
        }
        return account;
    }

    boolean isIdentified() {
        return account != null;
    }

    /** Method, path and query, as the audit trail names the call. */
    void calling(String call) {
        this.call = call;
    }

    String call() {
        return call;
    }

    /** The call's record committed with its transaction, with this status. */
    void recordedWith(int status) {
        this.recordedStatus = status;
    }

    boolean isRecordedWith(int status) {
        return recordedStatus != null && recordedStatus == status;
    }
}
