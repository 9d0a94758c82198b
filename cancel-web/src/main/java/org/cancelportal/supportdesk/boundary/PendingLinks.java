package org.cancelportal.supportdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cancelportal.publiccancel.boundary.DeclarationFacts;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.withdrawal.control.WithdrawalDeclarationQueue;

/**
 * On a subscriber's support page: what was declared on the public pages for their subscriptions and still waits,
 * each with where its confirmation link stands and the page where an agent resolves it.
 */
@Named("pendingLinks")
@RequestScoped
public class PendingLinks {

    /** One open declaration: its kind (CANCELLATION or WITHDRAWAL), where to resolve it, and its link's standing. */
    public record Pending(String kind, String path, String reference, String receivedAt, String link,
                          boolean expired) {
    }

    @Inject
    DeclarationQueue cancellations;

    @Inject
    WithdrawalDeclarationQueue withdrawals;

    @Inject
    ConfirmationLinkStanding links;

    @Inject
    DeclarationFacts facts;

    @Inject
    DisplayFormat format;

    private final Map<Long, List<Pending>> bySubscriber = new HashMap<>();

    public List<Pending> of(Long subscriberId) {
        if (subscriberId == null) {
            return List.of();
        }
        return bySubscriber.computeIfAbsent(subscriberId, this::lookUp);
    }

    private List<Pending> lookUp(long subscriberId) {
        List<Pending> found = new ArrayList<>();
        cancellations.awaitingConfirmationFor(subscriberId).forEach(declaration -> found.add(new Pending(
                "CANCELLATION", "/support/declaration?id=" + declaration.getId(), declaration.getReference(),
                facts.receivedAt(declaration, format.locale()), links.of(declaration),
                links.expired(declaration.getConfirmUntil()))));
        withdrawals.openFor(subscriberId).forEach(declaration -> found.add(new Pending(
                "WITHDRAWAL", "/support/withdrawal-declaration?id=" + declaration.getId(),
                declaration.getReference(), format.dateTime(declaration.getReceivedAt(), facts.zone()),
                links.of(declaration), links.expired(declaration.getConfirmUntil()))));
        return found;
    }
}
