package org.cancelportal.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.ModeNotOfferedException;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;

/**
 * The account page: the subscriber's subscriptions, and the one click that cancels one. View scoped on purpose: a
 * click from a page drawn earlier (a second tab, the back button) acts on the subscription as it was shown, and the
 * service answers with the cancellation already made.
 */
@Named("account")
@ViewScoped
public class AccountPage implements Serializable {

    @Inject
    CurrentSubscriber currentSubscriber;

    @Inject
    SubscriptionCards subscriptionCards;

    @Inject
    CancellationService cancellationService;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    @Inject
    Clock clock;

    private List<SubscriptionCard> cards;
    private Instant openedAt;

    @PostConstruct
    void opened() {
        openedAt = clock.instant();
    }

    public List<SubscriptionCard> getCards() {
        if (cards == null) {
            cards = currentSubscriber.subscriberId()
                    .map(id -> subscriptionCards.of(id, currentSubscriber.subscriptions())).orElse(List.of()).stream()
                    .filter(card -> currentSubscriber.maySee(card.subscriptionId())).toList();
        }
        return cards;
    }

    public void cancel(SubscriptionCard card, String mode) {
        Requester requester = currentSubscriber.requester().orElseThrow(() -> new NotFoundException("Subscriber"));
        if (!currentSubscriber.maySee(card.subscriptionId())) {
            navigation.notFound();
            return;
        }
        try {
            CancellationMode chosen = CancellationMode.valueOf(mode);
            Money shown = card.options().stream().filter(option -> option.mode() == chosen).findFirst()
                    .map(CancelOption::refundAmount).orElse(null);
            Cancellation cancellation = cancellationService.cancel(new CancelCommand(card.subscriptionId(), chosen,
                    requester, card.requestKey(), shown, openedAt));
            navigation.toReceipt(cancellation.getReference());
        } catch (ModeNotOfferedException e) {
            cards = null;
            messages.error("cancel.mode-not-offered");
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }
}
