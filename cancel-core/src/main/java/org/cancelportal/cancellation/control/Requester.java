package org.cancelportal.cancellation.control;

import java.util.Objects;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.subscription.entity.Subscription;

/**
 * Who asks, through which channel, and on whose behalf. A subscriber may act only on their own subscriptions, an
 * operator only on the subscriptions it pushed in; staff channels are authorised by their boundary (their role, checked
 * again in every action) and may act on any.
 */
public record Requester(String actor, Channel channel, Long ownSubscriberId, Long ownOperatorId) {

    public Requester {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
    }

    public static Requester subscriber(String login, long subscriberId) {
        return new Requester(login, Channel.WEB, subscriberId, null);
    }

    public static Requester staff(String actor, Channel channel) {
        return new Requester(actor, channel, null, null);
    }

    /**
     * Someone who named one subscription on the public cancellation form by its owner's name, account email and
     * contract, without signing in (the law lets anyone cancel that way); the actor is the account email given.
     */
    public static Requester publicForm(String accountEmail) {
        return new Requester(accountEmail, Channel.PUBLIC_FORM, null, null);
    }

    /** Someone holding a genuine, unexpired signed link from one of our emails: may read what the link names. */
    public static Requester signedLink() {
        return new Requester("signed link", Channel.WEB, null, null);
    }

    /** An operator calling the API with its key: may act on its own subscriptions, never on another's. */
    public static Requester operator(String actor, long operatorId) {
        return new Requester(actor, Channel.API, null, operatorId);
    }

    public boolean mayActOn(Subscription subscription) {
        return (ownSubscriberId == null || subscription.belongsTo(ownSubscriberId))
                && (ownOperatorId == null || ownOperatorId.equals(subscription.getOperatorId()));
    }
}
