package org.cancelportal.operator.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.cancelportal.operator.control.OperatorAccount;

/** The operator whose key this request carries; set by OperatorKeyFilter before any resource runs. */
@RequestScoped
public class CallingOperator {

    private OperatorAccount account;

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
}
