package org.cancelportal.privacy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.cancelportal.privacy.control.PersonalDataEraser;
import org.cancelportal.web.PageMessages;

/** /admin/erasure: erases a person's personal data when they ask for it. */
@Named("erasure")
@RequestScoped
public class ErasurePage {

    @Inject
    PersonalDataEraser eraser;

    @Inject
    SecurityContext security;

    @Inject
    PageMessages messages;

    private String email;

    @RolesAllowed("admin")
    public void erase() {
        eraser.subscriberByEmail(email).ifPresentOrElse(id -> {
            eraser.erase(id, security.getCallerPrincipal().getName());
            messages.info("admin.erasure.done", id);
            email = null;
        }, () -> messages.error("admin.erasure.unknown"));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
