package org.cancelportal.webhook.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.Flash;
import jakarta.inject.Inject;
import jakarta.faces.context.FacesContext;

/**
 * A new signing secret handed to the next page only (the flash, kept in the session for one redirect): never in an
 * address, a log or a page that can be loaded again.
 */
@RequestScoped
public class SecretOnce {

    private static final String SECRET = "webhook.secret";
    private static final String WHY = "webhook.secret.why";

    /** What the secret was made for. */
    public record Handed(String secret, String why) {
    }

    @Inject
    FacesContext faces;

    /** why: "created" or "rotated". */
    public void hand(String secret, String why) {
        Flash flash = faces.getExternalContext().getFlash();
        flash.put(SECRET, secret);
        flash.put(WHY, why);
    }

    /** The secret handed over by the page before, if any. */
    public Handed received() {
        Flash flash = faces.getExternalContext().getFlash();
        Object secret = flash.get(SECRET);
        return secret == null ? null : new Handed((String) secret, (String) flash.get(WHY));
    }
}
