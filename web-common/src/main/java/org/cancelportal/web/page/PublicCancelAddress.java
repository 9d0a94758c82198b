package org.cancelportal.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cancelportal.link.control.LinkSettings;

/**
 * Where the public cancellation and withdrawal forms are, for pages outside the portal (the exit survey): every page a
 * customer can meet links to both.
 */
@Named("publicCancel")
@ApplicationScoped
public class PublicCancelAddress {

    public static final String PATH = "/cancel-contract";

    @Inject
    LinkSettings links;

    public static final String WITHDRAW_PATH = "/withdraw-contract";

    public String getUrl() {
        return links.portalBaseUrl() + PATH;
    }

    public String getWithdrawUrl() {
        return links.portalBaseUrl() + WITHDRAW_PATH;
    }
}
