package org.cancelportal.publiccancel.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.cancelportal.cancellation.boundary.ReceiptLinks;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.publiccancel.control.DeclarationConfirmations;
import org.cancelportal.publiccancel.control.DeclarationConfirmations.Confirmation;
import org.cancelportal.publiccancel.control.DeclarationConfirmations.State;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;

/**
 * /cancel-contract/confirm, from the link in the email to the account's own address: says what confirming does and
 * carries the declaration out with one press. Opening the link changes nothing (mail programs open links to check
 * them); the press does, once. A link used before shows what happened, one whose time is up or whose declaration
 * support resolved says so kindly, and a forged one answers 404.
 */
@Named("declarationConfirm")
@RequestScoped
public class DeclarationConfirmPage {

    @Inject
    DeclarationConfirmations confirmations;

    @Inject
    DeclarationLinks links;

    @Inject
    ReceiptLinks receiptLinks;

    @Inject
    DisplayFormat format;

    @Inject
    Navigation navigation;

    @Inject
    ExternalContext external;

    private String reference;
    private String signature;
    private Confirmation confirmation;

    public void load() {
        confirmation = genuine().orElse(null);
        if (confirmation == null) {
            external.setResponseStatus(404);
        }
    }

    /** The press carries the link's reference and signature in the form, and is checked like the link. */
    public void confirm() {
        reference = external.getRequestParameterMap().get("ref");
        signature = external.getRequestParameterMap().get("sig");
        Optional<Confirmation> done = genuine().flatMap(found -> confirmations.confirm(reference));
        if (done.isPresent() && done.get().cancellation() != null) {
            navigation.redirect(receiptLinks.path(done.get().cancellation().getReference()));
            return;
        }
        confirmation = done.orElse(null);
    }

    private Optional<Confirmation> genuine() {
        return Optional.ofNullable(reference).flatMap(confirmations::look)
                .filter(found -> links.genuineConfirmation(found.declaration(), signature));
    }

    public boolean isFound() {
        return confirmation != null;
    }

    /** WAITING, CONFIRMED, RESOLVED or EXPIRED. */
    public String getState() {
        return confirmation.state().name();
    }

    public boolean isEndsNow() {
        return confirmation.declaration().getConfirmMode() == CancellationMode.IMMEDIATE;
    }

    public String getPlanName() {
        return confirmation.subscription().getPlan().getName();
    }

    public String getReceivedAt() {
        return ownersFormat().dateTime(confirmation.declaration().getReceivedAt());
    }

    public String getUntil() {
        return ownersFormat().dateTime(confirmation.declaration().getConfirmUntil());
    }

    /** The signed receipt of a cancellation this link carried out before. */
    public String getReceiptPath() {
        return confirmation.cancellation() == null ? null : receiptLinks.path(confirmation.cancellation().getReference());
    }

    /** The link goes to the owner: times in their zone, words in the page's language. */
    private LocalizedFormat ownersFormat() {
        Subscriber owner = confirmation.subscription().getSubscriber();
        return new LocalizedFormat(format.locale(), owner.getTimeZone());
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
