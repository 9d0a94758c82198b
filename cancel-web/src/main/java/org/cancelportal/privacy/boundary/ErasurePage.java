package org.cancelportal.privacy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.stream.Collectors;
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
        List<Long> erased = eraser.eraseEveryoneWith(email, security.getCallerPrincipal().getName());
        if (erased.isEmpty()) {
            messages.error("admin.erasure.unknown");
            return;
        }
        messages.info("admin.erasure.done", erased.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        email = null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
