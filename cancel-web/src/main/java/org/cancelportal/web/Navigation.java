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

    /** The same answer for "does not exist" and "not yours", so nobody learns which by guessing. */
    public void notFound() {
        try {
            faces.getExternalContext().responseSendError(404, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
