package org.cancelportal.supportdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.publiccancel.boundary.DeclarationFacts;
import org.cancelportal.publiccancel.control.ConfirmationLinkDeliveries;
import org.cancelportal.publiccancel.control.DeclarationEvents;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.control.PublicWithdrawals;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * For the support desk, in one line: where the confirmation link of an open public declaration stands. When it was
 * sent to the account's own address (or that it was withheld, or not sent yet), until when it works, or that it
 * expired unused, so the agent knows whether to wait for the subscriber or to act.
 */
@RequestScoped
public class ConfirmationLinkStanding {

    /** The consumers that send the links (DeclarationConfirmEmail, PublicWithdrawalEmail). */
    static final String CANCEL_LINK_SENDER = "declaration-confirm-email";
    static final String WITHDRAWAL_LINK_SENDER = "withdrawal-declaration-email";

    @Inject
    ConfirmationLinkDeliveries deliveries;

    @Inject
    DeclarationFacts facts;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Clock clock;

    /** Null for a declaration that never waited for a link (support resolves it anyway). */
    public String of(CancellationDeclaration declaration) {
        if (!declaration.awaitsConfirmation()) {
            return null;
        }
        return words(deliveries.sentAt(DeclarationEvents.AGGREGATE, declaration.getId(),
                DeclarationEvents.AWAITS_CONFIRMATION, CANCEL_LINK_SENDER), declaration.getConfirmUntil());
    }

    public String of(WithdrawalDeclaration declaration) {
        if (declaration.getConfirmUntil() == null) {
            return messages.text("support.link.none");
        }
        if (declaration.isConfirmationWithheld()) {
            return messages.text("support.link.withheld");
        }
        return words(deliveries.sentAt(PublicWithdrawals.AGGREGATE, declaration.getId(),
                PublicWithdrawals.CONFIRMATION_REQUESTED, WITHDRAWAL_LINK_SENDER), declaration.getConfirmUntil());
    }

    /** Whether its link can no longer be used: then only support can carry it out. */
    public boolean expired(Instant confirmUntil) {
        return confirmUntil != null && !confirmUntil.isAfter(clock.instant());
    }

    private String words(Optional<Instant> sent, Instant until) {
        String untilText = format.dateTime(until, facts.zone());
        if (sent.isEmpty()) {
            return messages.text(expired(until) ? "support.link.expired-unsent" : "support.link.queued", untilText);
        }
        String sentText = format.dateTime(sent.get(), facts.zone());
        return messages.text(expired(until) ? "support.link.expired" : "support.link.sent", sentText, untilText);
    }
}
