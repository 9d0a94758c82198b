package org.cancelportal.cancellation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;

/** The signed, expiring link to a receipt that every email about a cancellation carries; it only shows, never acts. */
@ApplicationScoped
public class ReceiptLinks {

    public static final String PURPOSE = "receipt";

    @Inject
    LinkSigner signer;

    @Inject
    LinkSettings links;

    @Inject
    Clock clock;

    public String link(String reference) {
        return links.portalBaseUrl() + path(reference);
    }

    /** Path and query, for a redirect inside the portal. */
    public String path(String reference) {
        String signature = signer.sign(PURPOSE, reference, clock.instant().plus(links.receiptLinkValidity()));
        return "/receipt?ref=" + reference + "&sig=" + signature;
    }

    public boolean verify(String reference, String signature) {
        return signer.verify(PURPOSE, reference, signature);
    }
}
