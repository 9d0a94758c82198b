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
    private boolean looked;

    public void load() {
        if (confirmation() == null) {
            external.setResponseStatus(404);
        }
    }

    /** The press carries the link's reference and signature in the form, and is checked like the link. */
    public void confirm() {
        Optional<Confirmation> done = Optional.ofNullable(confirmation())
                .flatMap(found -> confirmations.confirm(reference));
        if (done.isPresent() && done.get().cancellation() != null) {
            navigation.redirect(receiptLinks.path(done.get().cancellation().getReference()));
            return;
        }
        confirmation = done.orElse(null);
    }

    /**
     * Looked up once per request. On the press, Faces asks whether the form is shown before the link's view
     * parameters are applied, so the reference and signature are read from the request as well.
     */
    private Confirmation confirmation() {
        if (!looked) {
            looked = true;
            reference = reference != null ? reference : external.getRequestParameterMap().get("ref");
            signature = signature != null ? signature : external.getRequestParameterMap().get("sig");
            confirmation = Optional.ofNullable(reference).flatMap(confirmations::look)
                    .filter(found -> links.genuineConfirmation(found.declaration(), signature)).orElse(null);
        }
        return confirmation;
    }

    public boolean isFound() {
        return confirmation() != null;
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
