package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.identity.control.SubscriberLogins;
import org.cancelportal.identity.control.UserAccounts;
import org.cancelportal.subscription.control.Subscriptions;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.web.security.SignedInCaller;

/**
 * The signed-in subscriber of this request, as the rules see them. Whom a login acts for is kept in the session at
 * sign-in, so showing a subscriber their own subscriptions reads no login (an erased person's subscriptions are
 * shown to nobody, {@link #subscriptions()}). Acting does: a login erased since the sign-in acts for nobody any more
 * ({@link #requester()}).
 */
@RequestScoped
public class CurrentSubscriber {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserAccounts accounts;

    @Inject
    HttpServletRequest request;

    @Inject
    Subscriptions subscriptions;

    private Optional<Long> subscriberId;
    private Optional<Requester> requester;
    private List<Subscription> own;

    /** Whom the sign-in acts for, as kept at sign-in; empty when nobody is signed in or the login is a staff one. */
    public Optional<Long> subscriberId() {
        if (subscriberId == null) {
            Optional<String> login = login();
            Optional<SignedInCaller> kept = SignedInCaller.of(request.getSession(false))
                    .filter(caller -> login.isPresent() && caller.name().equals(login.get()))
                    .filter(SignedInCaller::knowsSubscriber);
            subscriberId = kept.isPresent() ? Optional.ofNullable(kept.get().subscriberId())
                    : login.flatMap(this::lookedUp);
        }
        return subscriberId;
    }

    /**
     * The signed-in subscriber's own subscriptions, read once a request: the account page's cards and its withdrawal
     * boxes show the same ones. None once the person was erased: a session signed in before shows nothing more, as it
     * did when every page read the login again.
     */
    public List<Subscription> subscriptions() {
        if (own == null) {
            own = subscriberId().map(subscriptions::ofSubscriber).orElse(List.of()).stream()
                    .filter(subscription -> !subscription.getSubscriber().isErased()).toList();
        }
        return own;
    }

    /**
     * The subscriber as the one acting: empty when nobody is signed in, the login acts for no subscriber, or the
     * login has been erased since the sign-in. A portal session's login ("subscriber#42") has no row to check.
     */
    public Optional<Requester> requester() {
        if (requester == null) {
            Optional<String> login = login();
            requester = subscriberId().flatMap(id -> login
                    .filter(name -> SubscriberLogins.subscriberId(name).isPresent() || accounts.exists(name))
                    .map(name -> Requester.subscriber(name, id)));
        }
        return requester;
    }

    private Optional<String> login() {
        return Optional.ofNullable(securityContext.getCallerPrincipal()).map(Principal::getName);
    }

    /** For a sign-in kept before sessions named the subscriber. */
    private Optional<Long> lookedUp(String login) {
        return accounts.byUsername(login).map(account -> account.getSubscriberId())
                .or(() -> SubscriberLogins.subscriberId(login));
    }

    /** Set by the link in a reminder: this sign-in may see and act on that one subscription, and no other. */
    public static final String ONLY_SUBSCRIPTION = CurrentSubscriber.class.getName() + ".onlySubscription";

    /** Whether this sign-in may see and act on the subscription (always, unless a reminder's link limited it). */
    public boolean maySee(long subscriptionId) {
        HttpSession session = request.getSession(false);
        Object only = session == null ? null : session.getAttribute(ONLY_SUBSCRIPTION);
        return only == null || ((Long) only) == subscriptionId;
    }
}
