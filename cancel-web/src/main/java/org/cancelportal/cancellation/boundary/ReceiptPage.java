package org.cancelportal.cancellation.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.ZoneId;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.control.UndoNotPossibleException;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;

/** The receipt at /receipt?ref=CX-...: bookmarkable, only for its owner, with the one-click undo. */
@Named("receipt")
@ViewScoped
public class ReceiptPage implements Serializable {

    @Inject
    transient CurrentSubscriber currentSubscriber;

    @Inject
    transient CancellationService cancellationService;

    @Inject
    transient DisplayFormat format;

    @Inject
    transient Navigation navigation;

    @Inject
    transient PageMessages messages;

    @Inject
    transient Clock clock;

    private String reference;
    private ReceiptView view;

    /** Runs before the page is drawn; an unknown or foreign reference answers 404. */
    public void load() {
        try {
            Requester requester = currentSubscriber.requester().orElseThrow(() -> new NotFoundException("Subscriber"));
            Cancellation cancellation = cancellationService.receipt(ReferenceGenerator.normalise(reference), requester);
            view = toView(cancellation);
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    public void undo() {
        try {
            Requester requester = currentSubscriber.requester().orElseThrow(() -> new NotFoundException("Subscriber"));
            cancellationService.undo(view.reference(), requester);
            messages.infoAfterRedirect("receipt.undo.done");
            navigation.toReceipt(view.reference());
        } catch (UndoNotPossibleException e) {
            messages.error("receipt.undo.too-late", view.effectiveAt());
            load();
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    private ReceiptView toView(Cancellation c) {
        ZoneId zone = c.getSubscription().getSubscriber().getTimeZone();
        boolean takenEffect = c.hasTakenEffect(clock.instant());
        return new ReceiptView(c.getReference(), c.getSubscription().getPlan().getName(),
                format.dateTime(c.getRequestedAt(), zone), format.dateTime(c.getEffectiveAt(), zone),
                c.getMode() == CancellationMode.IMMEDIATE, !c.getRefund().isZero(), format.money(c.getRefund()),
                cancellationService.policy().dataHandling().textKey(), c.isUndone(),
                c.isUndone() ? format.dateTime(c.getUndoneAt(), zone) : null, takenEffect && !c.isUndone(),
                cancellationService.policy().mayUndo(c, clock.instant()),
                c.getSubscription().getSubscriber().getEmail());
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public ReceiptView getView() {
        return view;
    }
}
