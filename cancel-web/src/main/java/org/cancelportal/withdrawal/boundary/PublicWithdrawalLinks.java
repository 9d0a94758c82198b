package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * The signed links of a withdrawal declared on the public page: the acknowledgement of what reached us (shows only),
 * and the confirmation link to the account's own address (acts once, expires after withdrawal.confirm-link-days).
 */
@ApplicationScoped
public class PublicWithdrawalLinks {

    static final String RECEIVED = "withdrawal-declaration";
    static final String CONFIRM = "withdrawal-confirm";

    @Inject
    LinkSigner signer;

    @Inject
    LinkSettings links;

    @Inject
    Clock clock;

    public String receivedPath(String reference) {
        return "/withdraw-contract/received?ref=" + reference + "&sig="
                + signer.sign(RECEIVED, reference, clock.instant().plus(links.receiptLinkValidity()));
    }

    public String receivedLink(String reference) {
        return links.portalBaseUrl() + receivedPath(reference);
    }

    public boolean verifyReceived(String reference, String signature) {
        return signature != null && signer.verify(RECEIVED, reference, signature);
    }

    /** Signed to expire with the declaration's confirm_until, which the page checks as well. */
    public String confirmLink(WithdrawalDeclaration declaration) {
        return links.portalBaseUrl() + "/withdraw-contract/confirm?ref=" + declaration.getReference() + "&sig="
                + signer.sign(CONFIRM, declaration.getReference(), declaration.getConfirmUntil());
    }

    /**
     * Made by us for this declaration. Its expiry is not checked here: the declaration's own confirm_until decides,
     * so that an expired link gets a page that says so rather than a broken one.
     */
    public boolean genuineConfirm(String reference, String signature) {
        return reference != null && signer.expiry(CONFIRM, reference, signature).isPresent();
    }
}
