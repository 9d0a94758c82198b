package org.cancelportal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where an action sends the browser next: post/redirect/get, or the not-found page. */
@RequestScoped
public class Navigation {

    @Inject
    FacesContext faces;

    public void toReceipt(String reference) {
        redirect("/receipt?ref=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
    }

    /** The receipt, told what was just done there (see ReceiptPage), so it can say so. */
    public void toReceipt(String reference, String done) {
        redirect("/receipt?ref=" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&done="
                + URLEncoder.encode(done, StandardCharsets.UTF_8));
    }

    public void redirect(String pathAndQuery) {
        try {
            faces.getExternalContext().getFlash().setRedirect(true);
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + pathAndQuery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /**
     * The same answer for "does not exist" and "not yours", so nobody learns which by guessing. The error page is
     * drawn by a Faces request of its own, inside this one, and when it ends the Faces-scoped context of this request
     * is no longer active: so this request is marked complete first, on the context itself rather than through the
     * injected proxy, and nothing Faces-scoped is touched after the error is sent.
     */
    public void notFound() {
        FacesContext context = FacesContext.getCurrentInstance();
        context.responseComplete();
        try {
            context.getExternalContext().responseSendError(404, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
