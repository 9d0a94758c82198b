package org.cancelportal.withdrawal.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Optional;
import java.util.ResourceBundle;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.boundary.RefundWording;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.control.WithdrawalService;
import org.cancelportal.withdrawal.entity.Withdrawal;

/**
 * /withdrawal?ref=WD-...: the confirmation of a withdrawal, to print or save, at an address the person can come back
 * to. Its owner signed in sees it, and so does anyone with the signed link from the withdrawal's email, until it
 * expires. An unknown or foreign reference answers 404.
 */
@Named("withdrawal")
@ViewScoped
public class WithdrawalPage implements Serializable {

    @Inject
    CurrentSubscriber currentSubscriber;

    @Inject
    WithdrawalService service;

    @Inject
    WithdrawalLinks links;

    @Inject
    DisplayFormat format;

    @Inject
    Navigation navigation;

    @Inject
    Refunds refunds;

    private String reference;
    private String signature;
    private WithdrawalView view;

    public void load() {
        String normalised = WithdrawalService.normalise(reference);
        Optional<Requester> requester = currentSubscriber.requester();
        if (requester.isEmpty() && links.verify(normalised, signature)) {
            requester = Optional.of(Requester.signedLink());
        }
        if (requester.isEmpty()) {
            navigation.redirect(signature == null ? "/login" : "/login?linkExpired=true");
            return;
        }
        try {
            Withdrawal found = service.confirmation(normalised, requester.get());
            if (!currentSubscriber.maySee(found.getSubscription().getId())) {
                throw new NotFoundException("Withdrawal");
            }
            view = toView(found);
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    private WithdrawalView toView(Withdrawal w) {
        ZoneId zone = w.getSubscription().getSubscriber().getTimeZone();
        LocalizedFormat formats = new LocalizedFormat(format.locale(), zone);
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, format.locale());
        return new WithdrawalView(w.getReference(), w.getSubscription().getPlan().getName(),
                formats.date(w.getSubscription().getStartedAt()), formats.dateTime(w.getReceivedAt()),
                formats.dateTime(w.getCarriedOutAt()), WithdrawalWording.of(w.getRefund(), words, formats),
                w.getSupersededCancellation(), currentSubscriber.requester().isPresent(),
                refunds.of(w).map(refund -> RefundWording.of(refund.getAmount(), Optional.of(refund), words, formats))
                        .orElse(null));
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

    public WithdrawalView getView() {
        return view;
    }
}
