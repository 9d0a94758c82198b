package org.cancelportal.portalsession.control;

/**
 * A portal session that has just been used: whom to sign in, where to take them (the account page, or straight to one
 * subscription's cancel box) and the way back to the operator's site.
 */
public record RedeemedSession(long subscriberId, Long subscriptionId, String flow, String returnUrl,
                              String operatorName) {

    public static final String ACCOUNT = "account";
    public static final String CANCEL = "cancel";

    public boolean goesToCancelBox() {
        return CANCEL.equals(flow) && subscriptionId != null;
    }
}
