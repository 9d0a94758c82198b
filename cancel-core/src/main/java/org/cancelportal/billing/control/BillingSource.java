package org.cancelportal.billing.control;

import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.operator.control.OperatorAccount;

/**
 * Whose records change, and who changes them, for the audit trail: the operator's billing system through the API,
 * or a person importing the operator's file.
 */
public record BillingSource(OperatorAccount operator, String actor, Channel channel) {

    public static BillingSource api(OperatorAccount operator) {
        return new BillingSource(operator, operator.actor(), Channel.API);
    }

    public static BillingSource fileImport(OperatorAccount operator, String importedBy) {
        return new BillingSource(operator, importedBy + " (import for " + operator.actor() + ")", Channel.SYSTEM);
    }
}
