package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.withdrawal.control.WithdrawalSettings;

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
    WithdrawalSettings settings;

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

    public String confirmLink(String reference) {
        return links.portalBaseUrl() + "/withdraw-contract/confirm?ref=" + reference + "&sig="
                + signer.sign(CONFIRM, reference, clock.instant().plus(settings.confirmLinkValidity()));
    }

    public boolean verifyConfirm(String reference, String signature) {
        return signature != null && signer.verify(CONFIRM, reference, signature);
    }
}
