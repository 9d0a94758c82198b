package org.cancelportal.withdrawal.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.control.PublicWithdrawals;
import org.cancelportal.withdrawal.control.PublicWithdrawals.Confirmation;
import org.cancelportal.withdrawal.control.PublicWithdrawals.LinkState;
import org.cancelportal.withdrawal.control.WithdrawalNotPossibleException;
import org.cancelportal.withdrawal.entity.Withdrawal;

/**
 * /withdraw-contract/confirm?ref=WR-...&amp;sig=...: the link sent to the account's own address after a withdrawal was
 * declared on the public page. It shows what was declared and when, with the one button "Confirm withdrawal"; the
 * withdrawal then counts from the declaration's time of receipt. A link already used shows that withdrawal; one whose
 * time is up, or whose declaration support closed, says so kindly and carries nothing out; a changed one answers 404.
 */
@Named("confirmWithdrawal")
@ViewScoped
public class ConfirmPublicWithdrawalPage implements Serializable {

    @Inject
    PublicWithdrawals declarations;

    @Inject
    PublicWithdrawalLinks links;

    @Inject
    WithdrawalLinks withdrawalLinks;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    @Inject
    ExternalContext external;

    private String reference;
    private String signature;
    private String planName;
    private String receivedAt;
    private String until;
    private LinkState state;

    public void load() {
        Confirmation confirmation = links.genuineConfirm(reference, signature)
                ? declarations.look(reference).orElse(null) : null;
        if (confirmation == null) {
            state = null;
            external.setResponseStatus(404);
            return;
        }
        show(confirmation);
    }

    public void confirm() {
        if (state != LinkState.WAITING) {
            return;
        }
        try {
            show(declarations.confirm(reference));
        } catch (WithdrawalNotPossibleException e) {
            state = null;
            messages.error("withdraw.not-possible." + e.reason().name());
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    private void show(Confirmation confirmation) {
        state = confirmation.state();
        if (confirmation.withdrawal() != null) {
            toConfirmation(confirmation.withdrawal());
            return;
        }
        Subscription subscription = confirmation.declaration().getSubscription();
        ZoneId zone = subscription.getSubscriber().getTimeZone();
        planName = subscription.getPlan().getName();
        receivedAt = format.dateTime(confirmation.declaration().getReceivedAt(), zone);
        until = format.dateTime(confirmation.declaration().getConfirmUntil(), zone);
    }

    private void toConfirmation(Withdrawal withdrawal) {
        navigation.redirect(withdrawalLinks.path(withdrawal.getReference()));
    }

    /** The link is ours and its declaration still waits for it. */
    public boolean isValid() {
        return state == LinkState.WAITING;
    }

    /** WAITING, WITHDRAWN, CLOSED or EXPIRED; empty for a link that is not ours. */
    public String getState() {
        return state == null ? "" : state.name();
    }

    public String getPlanName() {
        return planName;
    }

    public String getReceivedAt() {
        return receivedAt;
    }

    public String getUntil() {
        return until;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }
}
