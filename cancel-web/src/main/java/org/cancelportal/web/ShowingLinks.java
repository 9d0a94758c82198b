package org.cancelportal.web;

import jakarta.inject.Inject;
import java.time.Clock;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;

/**
 * Signed, expiring links to a page that only shows a record by its reference (a receipt, a withdrawal's
 * confirmation), never acts on it; each kind signs under its own purpose, so one kind's signature opens no other page.
 */
public abstract class ShowingLinks {

    @Inject
    LinkSigner signer;

    @Inject
    LinkSettings links;

    @Inject
    Clock clock;

    private final String purpose;
    private final String page;

    protected ShowingLinks(String purpose, String page) {
        this.purpose = purpose;
        this.page = page;
    }

    public String link(String reference) {
        return links.portalBaseUrl() + path(reference);
    }

    /** Path and query with the signature, for a redirect inside the portal of someone who may not be signed in. */
    public String path(String reference) {
        String signature = signer.sign(purpose, reference, clock.instant().plus(links.receiptLinkValidity()));
        return page + "?ref=" + reference + "&sig=" + signature;
    }

    public boolean verify(String reference, String signature) {
        return signer.verify(purpose, reference, signature);
    }
}
