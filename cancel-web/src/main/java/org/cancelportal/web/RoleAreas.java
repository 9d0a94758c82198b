package org.cancelportal.web;

import java.util.List;

/**
 * The one declaration of who may see which part of cancel-web. Public paths need nobody signed in; /admin/ is for
 * admins, /support/ for support agents, and everything else for subscribers. web.xml lists the same public patterns
 * (only the container can let a request through without a sign-in, and it reads them from there; RoleAreasTest keeps
 * the two lists equal) and demands a sign-in for everything else; {@link RoleAreaFilter} applies the roles.
 */
public final class RoleAreas {

    /** Servlet URL patterns: an exact path, or a prefix ending in /*. */
    public static final List<String> PUBLIC = List.of(
            "/login", "/login.xhtml",
            // The receipt checks for itself: its owner signed in, or the signed link from the receipt email.
            "/receipt", "/receipt.xhtml",
            // The withdrawal's confirmation the same way: its owner signed in, or the signed link from its email.
            "/withdrawal", "/withdrawal.xhtml",
            // Cancelling a contract needs no account: the form and the signed confirmation of what was sent.
            "/cancel-contract", "/cancel-contract.xhtml", "/cancel-contract/*",
            // Withdrawing needs no account either; it is carried out only through the account's own address.
            "/withdraw-contract", "/withdraw-contract.xhtml", "/withdraw-contract/*",
            "/jakarta.faces.resource/*", "/favicon.ico",
            // Operators authenticate with their API keys (OperatorKeyFilter); a portal session link is its own proof.
            "/api/*", "/portal-session",
            // A reminder's one-click link is its own proof; the page for a used one shows the other ways to cancel.
            "/reminder-link", "/reminder-link-used", "/reminder-link-used.xhtml",
            // Never requested from outside, but shown for failures of public pages too: the apology with its code,
            // not the sign-in (without this, the server treats the error dispatch as a protected request).
            "/WEB-INF/errors/*");

    static final String ADMIN = "admin";
    static final String SUPPORT = "support";
    static final String SUBSCRIBER = "subscriber";

    private RoleAreas() {
    }

    /** The path within the application, as /admin/erasure or /account. */
    public static boolean isPublic(String path) {
        return PUBLIC.stream().anyMatch(pattern -> pattern.endsWith("/*")
                ? path.equals(pattern.substring(0, pattern.length() - 2))
                        || path.startsWith(pattern.substring(0, pattern.length() - 1))
                : path.equals(pattern));
    }

    /** The role a signed-in person needs for a path that is not public. */
    public static String roleFor(String path) {
        if (path.startsWith("/admin/")) {
            return ADMIN;
        }
        return path.startsWith("/support/") ? SUPPORT : SUBSCRIBER;
    }
}
