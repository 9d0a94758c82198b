package org.cancelportal.link.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where links point and how long they work: the two applications' public addresses (emails and redirects are built
 * from them), the keys links are signed with, and the lifetimes of receipt and portal-session links. The defaults are
 * in portal.xml, once.
 */
@ApplicationScoped
public class LinkSettings {

    @Inject
    @ConfigProperty(name = "portal.base-url")
    String portalBaseUrl;

    @Inject
    @ConfigProperty(name = "survey.base-url")
    String surveyBaseUrl;

    /** Empty in portal.xml, and MicroProfile Config reads an empty value as none. */
    @Inject
    @ConfigProperty(name = "links.signing-keys")
    Optional<String> signingKeys;

    @Inject
    @ConfigProperty(name = "links.receipt-days")
    int receiptDays;

    @Inject
    @ConfigProperty(name = "portal-sessions.lifetime")
    Duration portalSessionLifetime;

    public String portalBaseUrl() {
        return portalBaseUrl;
    }

    public String surveyBaseUrl() {
        return surveyBaseUrl;
    }

    /** "id:base64,id:base64"; empty when none are configured. */
    public String signingKeys() {
        return signingKeys.orElse("");
    }

    /** How long the links in receipt and declaration emails work. */
    public Duration receiptLinkValidity() {
        return Duration.ofDays(receiptDays);
    }

    public Duration portalSessionLifetime() {
        return portalSessionLifetime;
    }
}
