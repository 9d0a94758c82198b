package org.cancelportal.webhook.control;

import java.util.List;
import org.cancelportal.operatordata.control.InvalidFieldsException;

/** A webhook endpoint cannot be registered or changed as asked; nothing was changed. Each problem by its reason. */
public class InvalidWebhookException extends InvalidFieldsException {

    private final transient List<WebhookProblem> reasons;

    public InvalidWebhookException(List<WebhookProblem> reasons) {
        super(reasons.stream().map(WebhookProblem::asFieldProblem).toList());
        this.reasons = List.copyOf(reasons);
    }

    public List<WebhookProblem> reasons() {
        return reasons;
    }
}
