package org.cancelportal.publiccancel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;

/**
 * The outbox events of a declaration received on the public form: its confirmation email is sent from the first, and
 * the operators hear from the second that one waits for support. The payloads name the declaration only: the consumer reads what it needs, so erasing a person never rewrites events.
 */
@ApplicationScoped
public class DeclarationEvents {

    public static final String AGGREGATE = "Declaration";
    public static final String DECLARED = "CancellationDeclared";
    public static final String WAITING = "DeclarationWaiting";
    public static final String AWAITS_CONFIRMATION = "DeclarationAwaitsConfirmation";

    @Inject
    Outbox outbox;

    public void declared(CancellationDeclaration declaration) {
        outbox.publish(AGGREGATE, declaration.getId(), DECLARED, Json.createObjectBuilder()
                .add("reference", declaration.getReference())
                .add("receivedAt", declaration.getReceivedAt().toString())
                .build());
    }

    /** The link that confirms it goes to the account's own address, from this event. */
    public void awaitsConfirmation(CancellationDeclaration declaration) {
        outbox.publish(AGGREGATE, declaration.getId(), AWAITS_CONFIRMATION, Json.createObjectBuilder()
                .add("reference", declaration.getReference())
                .build());
    }

    /**
     * The declaration could not be carried out at once and waits for support; the subscriptions it may mean tell
     * whose operators hear of it.
     */
    public void waiting(CancellationDeclaration declaration, List<Long> candidateSubscriptionIds) {
        JsonArrayBuilder candidates = Json.createArrayBuilder();
        candidateSubscriptionIds.forEach(candidates::add);
        outbox.publish(AGGREGATE, declaration.getId(), WAITING, Json.createObjectBuilder()
                .add("reference", declaration.getReference())
                .add("receivedAt", declaration.getReceivedAt().toString())
                .add("candidateSubscriptionIds", candidates)
                .build());
    }
}
