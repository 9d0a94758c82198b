package org.cancelportal.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the public cancellation form is, for pages outside the portal (the exit survey): every page a customer can
 * meet links to it.
 */
@Named("publicCancel")
@ApplicationScoped
public class PublicCancelAddress {

    public static final String PATH = "/cancel-contract";

    @Inject
    @ConfigProperty(name = "portal.base-url", defaultValue = "http://localhost:9080")
    String portalBaseUrl;

    public String getUrl() {
        return portalBaseUrl + PATH;
    }
}
