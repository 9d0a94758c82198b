package org.cancelportal.publiccancel.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;

/**
 * The confirmation of a declaration has a stable address of its own, signed and expiring like the receipt link: the
 * sender has no account to sign in with, and nobody else can open it by guessing a reference.
 */
@ApplicationScoped
public class DeclarationLinks {

    static final String PURPOSE = "declaration";
    static final String PATH = "/cancel-contract/received";

    @Inject
    LinkSigner signer;

    @Inject
    Clock clock;

    @Inject
    LinkSettings links;

    /** Path and query, for a redirect inside the portal. */
    public String confirmationPath(String reference) {
        String signature = signer.sign(PURPOSE, reference, clock.instant().plus(links.receiptLinkValidity()));
        return PATH + "?ref=" + encode(reference) + "&sig=" + encode(signature);
    }

    /** The whole address, for the email. */
    public String confirmationUrl(String reference) {
        return links.portalBaseUrl() + confirmationPath(reference);
    }

    public boolean genuine(String reference, String signature) {
        return reference != null && signer.verify(PURPOSE, reference, signature);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
