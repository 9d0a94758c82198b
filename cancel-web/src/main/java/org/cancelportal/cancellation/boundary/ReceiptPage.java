package org.cancelportal.cancellation.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.ResourceBundle;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.control.UndoNotPossibleException;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;

/** The receipt at /receipt?ref=CX-...: bookmarkable, only for its owner, with the one-click undo. */
@Named("receipt")
@ViewScoped
public class ReceiptPage implements Serializable {

    @Inject
    CurrentSubscriber currentSubscriber;

    @Inject
    CancellationService cancellationService;

    @Inject
    DisplayFormat format;

    @Inject
    Navigation navigation;

    @Inject
    PageMessages messages;

    @Inject
    Clock clock;

    @Inject
    ReceiptLinks receiptLinks;

    @Inject
    Refunds refunds;

    @Inject
    org.cancelportal.withdrawal.boundary.WithdrawalLinks withdrawalLinks;

    /**
     * The undo says "Done" on the page it redirects to through the address (done=undone), not the flash: Faces'
     * flash belongs to whichever request of the session comes next, so a late request of the page before could take
     * the message. The address cannot lie either, as the message shows only for a cancellation that is undone.
     */
    private static final String JUST_UNDONE = "undone";

    private String reference;
    private String signature;
    private String done;
    private ReceiptView view;

    /**
     * Runs before the page is drawn. The owner, signed in, sees their receipt; anyone with the signed link from the
     * receipt email sees it too, read-only, until the link expires. An unknown or foreign reference answers 404.
     */
    public void load() {
        String normalised = ReferenceGenerator.normalise(reference);
        Optional<Requester> requester = currentSubscriber.requester();
        if (requester.isEmpty() && receiptLinks.verify(normalised, signature)) {
            requester = Optional.of(Requester.signedLink());
        }
        if (requester.isEmpty()) {
            navigation.redirect(signature == null ? "/login" : "/login?linkExpired=true");
            return;
        }
        try {
            Cancellation cancellation = cancellationService.receipt(normalised, requester.get());
            if (!currentSubscriber.maySee(cancellation.getSubscription().getId())) {
                navigation.notFound(); // a reminder's sign-in reaches its one subscription only
                return;
            }
            view = toView(cancellation);
            if (JUST_UNDONE.equals(done) && view.undone()) {
                messages.info("receipt.undo.done");
            }
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    public void undo() {
        try {
            Requester requester = currentSubscriber.requester().orElseThrow(() -> new NotFoundException("Subscriber"));
            cancellationService.undo(view.reference(), requester);
            navigation.toReceipt(view.reference(), JUST_UNDONE);
        } catch (UndoNotPossibleException e) {
            messages.error("receipt.undo.too-late", view.effectiveAt());
            load();
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    private ReceiptView toView(Cancellation c) {
        ZoneId zone = c.getSubscription().getSubscriber().getTimeZone();
        Instant now = clock.instant();
        boolean takenEffect = c.hasTakenEffect(now);
        return new ReceiptView(c.getReference(), c.getSubscription().getPlan().getName(),
                format.dateTime(c.getRequestedAt(), zone), format.dateTime(c.getEffectiveAt(), zone),
                c.getMode() == CancellationMode.IMMEDIATE, RefundWording.of(c, refunds.of(c),
                        ResourceBundle.getBundle(PageMessages.BUNDLE, format.locale()),
                        new LocalizedFormat(format.locale(), zone)),
                cancellationService.policy().dataHandling().textKey(), c.isUndone(),
                c.isUndone() ? format.dateTime(c.getUndoneAt(), zone) : null, takenEffect && !c.isUndone(),
                cancellationService.policy().mayUndo(c, now) && !supersededByWithdrawal(c),
                currentSubscriber.requester().isPresent(), c.getSupersededBy(),
                c.isSuperseded() ? format.dateTime(c.getSupersededAt(), zone) : null,
                c.isSuperseded() ? withdrawalLinks.path(c.getSupersededBy()) : null);
    }

    /** A withdrawal took this cancellation's place: the contract has ended, so there is nothing to undo. */
    private static boolean supersededByWithdrawal(Cancellation c) {
        return c.isSuperseded()
                || c.getSubscription().getStatus() == org.cancelportal.subscription.entity.SubscriptionStatus.WITHDRAWN;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }

    public ReceiptView getView() {
        return view;
    }
}
