package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;

/** The signed, expiring link to a withdrawal's confirmation page that its email carries; it only shows, never acts. */
@ApplicationScoped
public class WithdrawalLinks {

    static final String PURPOSE = "withdrawal";

    @Inject
    LinkSigner signer;

    @Inject
    LinkSettings links;

    @Inject
    Clock clock;

    public String link(String reference) {
        return links.portalBaseUrl() + path(reference);
    }

    /** The path with its signature, for a redirect within the portal of someone not signed in. */
    public String path(String reference) {
        String signature = signer.sign(PURPOSE, reference, clock.instant().plus(links.receiptLinkValidity()));
        return "/withdrawal?ref=" + reference + "&sig=" + signature;
    }

    public boolean verify(String reference, String signature) {
        return signature != null && signer.verify(PURPOSE, reference, signature);
    }
}
