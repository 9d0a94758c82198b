package org.cancelportal.supportdesk.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.publiccancel.boundary.DeclarationFacts;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;

/**
 * One cancellation from the public form that waits for a person: what was declared and when, the subscriptions it may
 * mean, and the two ways to resolve it: cancel one of them under the policy (counted from the time of receipt), or
 * close it with a note.
 */
@Named("declarationResolution")
@ViewScoped
public class DeclarationResolutionPage extends DeclarationAtDeskPage {

    /** A button: one way the policy lets this subscription be cancelled. */
    public record Way(String mode, String label) implements Serializable {
    }

    @Inject
    DeclarationQueue queue;

    @Inject
    CancellationService cancellations;

    private List<DeclarationFacts.Fact> declared;

    @Override
    public void load() {
        CancellationDeclaration declaration = getId() == null ? null : queue.find(getId()).orElse(null);
        if (declaration == null) {
            navigation.notFound();
            return;
        }
        show(declaration.getReference(), facts.receivedAt(declaration, format.locale()), declaration.isOpen(),
                declaration.getResolvedBy(), declaration.getResolvedAt(), queue.candidates(declaration));
        declared = facts.of(declaration, format.locale());
    }

    @RolesAllowed("support")
    public void cancel(long subscriptionId, String mode) {
        try {
            Cancellation cancellation = queue.cancel(getId(), subscriptionId, CancellationMode.valueOf(mode), agent());
            backToList("cancelled", cancellation.getReference());
        } catch (DeclarationQueue.AlreadyResolvedException e) {
            alreadyResolved();
        }
    }

    @Override
    protected void closeInQueue(long declarationId, String note, String agent) {
        queue.close(declarationId, note, agent);
    }

    public List<Way> getWays() {
        return cancellations.policy().offeredModes().stream().map(mode -> new Way(mode.name(), messages.text(
                mode == CancellationMode.IMMEDIATE ? "cancel.button.now" : "cancel.button.end-of-period"))).toList();
    }

    public List<DeclarationFacts.Fact> getDeclared() {
        return declared;
    }
}
