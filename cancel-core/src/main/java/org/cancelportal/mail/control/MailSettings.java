package org.cancelportal.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How email leaves: "smtp" through the server's mail session (its host and login are Liberty's mailSession in
 * portal.xml), or "folder" as .eml files, for development without a mail server; and whom it comes from.
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "mail.delivery")
    String delivery;

    @Inject
    @ConfigProperty(name = "mail.folder")
    String folder;

    @Inject
    @ConfigProperty(name = "mail.from")
    String from;

    public boolean toFolder() {
        return "folder".equals(delivery);
    }

    public String folder() {
        return folder;
    }

    public String from() {
        return from;
    }
}
