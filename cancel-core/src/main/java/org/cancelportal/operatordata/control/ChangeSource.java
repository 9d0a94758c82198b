package org.cancelportal.operatordata.control;

import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.operator.control.OperatorAccount;

/**
 * Whose records change, and who changes them, for the audit trail: the operator's billing system through the API,
 * or a person importing the operator's file.
 */
public record ChangeSource(OperatorAccount operator, String actor, Channel channel) {

    public static ChangeSource api(OperatorAccount operator) {
        return new ChangeSource(operator, operator.actor(), Channel.API);
    }

    public static ChangeSource fileImport(OperatorAccount operator, String importedBy) {
        return new ChangeSource(operator, importedBy + " (import for " + operator.actor() + ")", Channel.SYSTEM);
    }
}
