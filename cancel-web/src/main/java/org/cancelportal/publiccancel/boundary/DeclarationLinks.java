package org.cancelportal.publiccancel.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;

/**
 * The confirmation of a declaration has a stable address of its own, signed and expiring like the receipt link: the
 * sender has no account to sign in with, and nobody else can open it by guessing a reference.
 */
@ApplicationScoped
public class DeclarationLinks {

    static final String PURPOSE = "declaration";
    static final String PATH = "/cancel-contract/received";
    static final String CONFIRM_PURPOSE = "declaration-confirm";
    static final String CONFIRM_PATH = "/cancel-contract/confirm";

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

    /**
     * The link that carries a waiting declaration out, for the account's own address: its signature binds it to the
     * declaration, the subscription and the mode, and expires with the declaration's confirm_until.
     */
    public String confirmUrl(CancellationDeclaration declaration) {
        String signature = signer.sign(CONFIRM_PURPOSE, confirmSubject(declaration), declaration.getConfirmUntil());
        return links.portalBaseUrl() + CONFIRM_PATH + "?ref=" + encode(declaration.getReference()) + "&sig="
                + encode(signature);
    }

    /**
     * Made by us for this declaration, subscription and mode. Its expiry is not checked here: the declaration's own
     * confirm_until decides, so that an expired link gets a page that says so rather than a broken one.
     */
    public boolean genuineConfirmation(CancellationDeclaration declaration, String signature) {
        return signer.expiry(CONFIRM_PURPOSE, confirmSubject(declaration), signature).isPresent();
    }

    private static String confirmSubject(CancellationDeclaration declaration) {
        return declaration.getReference() + "/" + declaration.getConfirmSubscriptionId() + "/"
                + declaration.getConfirmMode();
    }

    public boolean genuine(String reference, String signature) {
        return reference != null && signer.verify(PURPOSE, reference, signature);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
