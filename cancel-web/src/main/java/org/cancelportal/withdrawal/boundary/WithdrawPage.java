package org.cancelportal.withdrawal.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ResourceBundle;
import java.util.UUID;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.control.WithdrawCommand;
import org.cancelportal.withdrawal.control.WithdrawalNotPossibleException;
import org.cancelportal.withdrawal.control.WithdrawalService;
import org.cancelportal.withdrawal.entity.Withdrawal;

/**
 * /withdraw?subscription=N: the one confirming step the law asks for, with a plain summary and the single button
 * "Confirm withdrawal". The request key is made when the page is drawn, so the same press arriving twice (or from a
 * second tab of this page) withdraws once.
 */
@Named("withdraw")
@ViewScoped
public class WithdrawPage implements Serializable {

    @Inject
    CurrentSubscriber currentSubscriber;

    @Inject
    WithdrawalService service;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    @Inject
    Clock clock;

    private Long subscription;
    private WithdrawStep step;
    private final String requestKey = UUID.randomUUID().toString();

    public void load() {
        if (subscription == null || !currentSubscriber.maySee(subscription)) {
            navigation.notFound();
            return;
        }
        try {
            Subscription found = service.withdrawable(subscription, requester());
            step = toStep(found);
        } catch (WithdrawalNotPossibleException e) {
            messages.error("withdraw.not-possible." + e.reason().name());
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    public void confirm() {
        if (!currentSubscriber.maySee(subscription)) {
            navigation.notFound();
            return;
        }
        try {
            Withdrawal withdrawal = service.withdraw(WithdrawCommand.now(subscription, requester(), requestKey));
            navigation.redirect("/withdrawal?ref=" + URLEncoder.encode(withdrawal.getReference(),
                    StandardCharsets.UTF_8));
        } catch (WithdrawalNotPossibleException e) {
            step = null;
            messages.error("withdraw.not-possible." + e.reason().name());
        } catch (NotFoundException e) {
            navigation.notFound();
        }
    }

    private Requester requester() {
        return currentSubscriber.requester().orElseThrow(() -> new NotFoundException("Subscriber"));
    }

    private WithdrawStep toStep(Subscription s) {
        ZoneId zone = s.getSubscriber().getTimeZone();
        Instant now = clock.instant();
        LocalizedFormat formats = new LocalizedFormat(format.locale(), zone);
        WithdrawalWording refund = WithdrawalWording.of(service.policy().refund(s, now),
                ResourceBundle.getBundle(PageMessages.BUNDLE, format.locale()), formats);
        return new WithdrawStep(s.getId(), s.getPlan().getName(), formats.date(s.getStartedAt()),
                formats.dateTime(service.policy().periodEnd(s).orElseThrow()), refund,
                s.getStatus() == SubscriptionStatus.CANCELLATION_SCHEDULED);
    }

    public Long getSubscription() {
        return subscription;
    }

    public void setSubscription(Long subscription) {
        this.subscription = subscription;
    }

    public WithdrawStep getStep() {
        return step;
    }
}
