package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Optional;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.identity.control.SubscriberLogins;
import org.cancelportal.identity.control.UserAccounts;

/** The signed-in subscriber of this request, as the rules see them. */
@RequestScoped
public class CurrentSubscriber {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserAccounts accounts;

    private Optional<Requester> requester;

    /** Empty when nobody is signed in, or the login (a staff member's) acts for no subscriber. */
    public Optional<Requester> requester() {
        if (requester == null) {
            Optional<String> login = Optional.ofNullable(securityContext.getCallerPrincipal()).map(Principal::getName);
            requester = login.flatMap(accounts::byUsername)
                    .filter(account -> account.getSubscriberId() != null)
                    .map(account -> Requester.subscriber(account.getUsername(), account.getSubscriberId()))
                    .or(() -> login.flatMap(name -> SubscriberLogins.subscriberId(name)
                            .map(id -> Requester.subscriber(name, id))));
        }
        return requester;
    }

    public Optional<Long> subscriberId() {
        return requester().map(Requester::ownSubscriberId);
    }

    /** Set by the link in a reminder: this sign-in may see and act on that one subscription, and no other. */
    public static final String ONLY_SUBSCRIPTION = CurrentSubscriber.class.getName() + ".onlySubscription";

    @Inject
    HttpServletRequest request;

    /** Whether this sign-in may see and act on the subscription (always, unless a reminder's link limited it). */
    public boolean maySee(long subscriptionId) {
        HttpSession session = request.getSession(false);
        Object only = session == null ? null : session.getAttribute(ONLY_SUBSCRIPTION);
        return only == null || ((Long) only) == subscriptionId;
    }


}
