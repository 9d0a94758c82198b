package org.cancelportal.operatordata.control;

import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.operator.control.OperatorAccount;

/**
 * Whose records change, and who changes them, for the audit trail: the operator's billing system through the API,
 * a person importing the operator's file, or an admin of the portal acting for the operator (such as on its webhook
 * endpoints).
 */
public record ChangeSource(OperatorAccount operator, String actor, Channel channel) {

    public static ChangeSource api(OperatorAccount operator) {
        return new ChangeSource(operator, operator.actor(), Channel.API);
    }

    public static ChangeSource fileImport(OperatorAccount operator, String importedBy) {
        return new ChangeSource(operator, importedBy + " (import for " + operator.actor() + ")", Channel.SYSTEM);
    }

    /** An admin's change for the operator, under the admin's login name, as the other admin pages record theirs. */
    public static ChangeSource admin(OperatorAccount operator, String login) {
        return new ChangeSource(operator, login, Channel.SUPPORT);
    }

    /** Whose records they are ("for operator:code") when someone other than the operator changes them, else null. */
    public String onBehalf() {
        return actor.equals(operator.actor()) ? null : "for " + operator.actor();
    }
}
