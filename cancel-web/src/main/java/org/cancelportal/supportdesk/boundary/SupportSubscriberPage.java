package org.cancelportal.supportdesk.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cancelportal.account.boundary.CancelOption;
import org.cancelportal.account.boundary.SubscriptionCard;
import org.cancelportal.account.boundary.SubscriptionCards;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.ModeNotOfferedException;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.control.UndoNotPossibleException;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.supportdesk.control.SupportDesk;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;

/**
 * One subscriber as the support desk sees them: subscriptions, history, notes. An agent cancels or undoes on the
 * subscriber's behalf under the same policy as the subscriber (channel SUPPORT, the agent recorded); the receipt goes
 * to the subscriber by email as always.
 */
@Named("supportSubscriber")
@ViewScoped
public class SupportSubscriberPage implements Serializable {

    @Inject
    SupportDesk desk;

    @Inject
    SubscriptionCards subscriptionCards;

    @Inject
    CancellationService cancellations;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    private Long id;
    private String name;
    private String email;
    private List<SubscriptionCard> cards;
    private String note;

    public void load() {
        Subscriber subscriber = id == null ? null : desk.subscriber(id).orElse(null);
        if (subscriber == null) {
            navigation.notFound();
            return;
        }
        name = subscriber.getName();
        email = subscriber.getEmail();
        cards = subscriptionCards.of(id);
    }

    @RolesAllowed("support")
    public void cancel(SubscriptionCard card, String mode) {
        CancellationMode chosen = CancellationMode.valueOf(mode);
        Money shown = card.options().stream().filter(option -> option.mode() == chosen).findFirst()
                .map(CancelOption::refundAmount).orElse(null);
        try {
            var cancellation = cancellations.cancel(new CancelCommand(card.subscriptionId(), chosen, agent(),
                    card.requestKey(), shown, null));
            backHere("cancelled", cancellation.getReference());
        } catch (ModeNotOfferedException e) {
            cards = subscriptionCards.of(id);
            messages.error("cancel.mode-not-offered");
        }
    }

    @RolesAllowed("support")
    public void undo(String reference) {
        try {
            cancellations.undo(reference, agent());
            backHere("undone", reference);
        } catch (UndoNotPossibleException | NotFoundException e) {
            messages.error("support.undo-not-possible", reference);
        }
    }

    @RolesAllowed("support")
    public void addNote() {
        try {
            desk.addNote(id, agentName(), note);
            backHere("note-added", "");
        } catch (IllegalArgumentException e) {
            messages.error("support.note-invalid", SupportDesk.MAX_NOTE);
        }
    }

    /** Post, redirect, get; the link says what was just done, so the page can confirm it. */
    private void backHere(String done, String reference) {
        navigation.redirect("/support/subscriber?id=" + id + "&done=" + done + "&ref="
                + java.net.URLEncoder.encode(reference, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Requester agent() {
        return Requester.staff(agentName(), Channel.SUPPORT);
    }

    private static String agentName() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    public List<SupportDesk.Event> getHistory() {
        return desk.history(id);
    }

    public List<SubscriptionCard> getCards() {
        return cards;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public int getMaxNote() {
        return SupportDesk.MAX_NOTE;
    }
}
