package org.cancelportal.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cancelportal.link.control.LinkSettings;

/**
 * Where the public cancellation form is, for pages outside the portal (the exit survey): every page a customer can
 * meet links to it.
 */
@Named("publicCancel")
@ApplicationScoped
public class PublicCancelAddress {

    public static final String PATH = "/cancel-contract";

    @Inject
    LinkSettings links;

    public String getUrl() {
        return links.portalBaseUrl() + PATH;
    }
}
