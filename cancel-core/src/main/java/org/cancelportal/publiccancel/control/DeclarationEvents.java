package org.cancelportal.publiccancel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;

/**
 * The outbox event of a declaration received on the public form; its confirmation email is sent from it. The payload
 * names the declaration only: the consumer reads what it needs, so erasing a person never rewrites events.
 */
@ApplicationScoped
public class DeclarationEvents {

    public static final String AGGREGATE = "Declaration";
    public static final String DECLARED = "CancellationDeclared";

    @Inject
    Outbox outbox;

    public void declared(CancellationDeclaration declaration) {
        outbox.publish(AGGREGATE, declaration.getId(), DECLARED, Json.createObjectBuilder()
                .add("reference", declaration.getReference())
                .add("receivedAt", declaration.getReceivedAt().toString())
                .build());
    }
}
