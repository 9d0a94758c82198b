package org.cancelportal.withdrawal.boundary;

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
import org.cancelportal.withdrawal.control.WithdrawalNotPossibleException;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * /withdraw-contract/confirm?ref=WR-...&amp;sig=...: the link sent to the account's own address after a withdrawal was
 * declared on the public page. It shows what was declared and when, with the one button "Confirm withdrawal"; the
 * withdrawal then counts from the declaration's time of receipt. A link already used shows that withdrawal.
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

    private String reference;
    private String signature;
    private String planName;
    private String receivedAt;
    private boolean valid;

    public void load() {
        valid = reference != null && links.verifyConfirm(reference, signature);
        WithdrawalDeclaration declaration = valid ? declarations.byReference(reference)
                .filter(found -> found.getSubscription() != null).orElse(null) : null;
        if (declaration == null) {
            valid = false;
            return;
        }
        if (declaration.getWithdrawal() != null) {
            toConfirmation(declaration.getWithdrawal());
            return;
        }
        Subscription subscription = declaration.getSubscription();
        ZoneId zone = subscription.getSubscriber().getTimeZone();
        planName = subscription.getPlan().getName();
        receivedAt = format.dateTime(declaration.getReceivedAt(), zone);
    }

    public void confirm() {
        if (!valid) {
            return;
        }
        try {
            toConfirmation(declarations.confirm(reference));
        } catch (WithdrawalNotPossibleException e) {
            valid = false;
            messages.error("withdraw.not-possible." + e.reason().name());
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    private void toConfirmation(Withdrawal withdrawal) {
        navigation.redirect(withdrawalLinks.path(withdrawal.getReference()));
    }

    public boolean isValid() {
        return valid;
    }

    public String getPlanName() {
        return planName;
    }

    public String getReceivedAt() {
        return receivedAt;
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
