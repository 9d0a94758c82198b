package org.cancelportal.link.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.cancelportal.identity.control.SubscriberLogins;
import org.cancelportal.web.security.PortalSessionCredential;

/**
 * Where an emailed or handed-over sign-in link lands. Opening it (GET) changes nothing: it shows one button, because
 * anything can make a browser open a link (an image, a prefetch, a mail scanner) and a link that signed in on GET
 * would sign out whoever uses the browser. Only the button's POST, from this site, uses the link (once) and signs its
 * person in with a fresh session.
 */
public abstract class ConfirmedLinkStart extends HttpServlet {

    static final String CONFIRM_PAGE = "/link-confirm.xhtml";

    /** What the confirming page needs: where its button posts, and the prefix of its words in the message bundle. */
    public record Confirmation(String action, String words) {
        public static final String ATTRIBUTE = "linkConfirmation";
    }

    @Inject
    SecurityContext security;

    /** The prefix of the page's title, heading, intro and button in the message bundle. */
    protected abstract String words();

    /** Uses the link of this confirmed POST: signs its person in, or says the link no longer works. */
    protected abstract void useLink(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        keepPrivate(response);
        request.setAttribute(Confirmation.ATTRIBUTE,
                new Confirmation(request.getContextPath() + request.getServletPath(), words()));
        request.getRequestDispatcher(CONFIRM_PAGE).forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        keepPrivate(response);
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            // another site's form would sign this browser in as the person its link is for
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (signedOutSomeoneElse(request, response)) {
            return;
        }
        useLink(request, response);
    }

    /** Signs this subscriber in with a fresh session; a session id planted before is worth nothing after. */
    protected void signIn(HttpServletRequest request, HttpServletResponse response, long subscriberId)
            throws ServletException {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new PortalSessionCredential(subscriberId, SubscriberLogins.forSubscriber(subscriberId)))
                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            throw new ServletException("A redeemed " + words() + " link was not accepted: " + status);
        }
    }

    private static void keepPrivate(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /**
     * Whoever was signed in on this browser before is signed out first, in a response of its own, and a 307 makes the
     * browser send the same form again: the link speaks for one person only, and signing out and in within one
     * response would leave the browser with the old sign-in cookie cleared after the new one was set.
     */
    private static boolean signedOutSomeoneElse(HttpServletRequest request, HttpServletResponse response)
            throws ServletException {
        if (request.getUserPrincipal() == null || request.getParameter("again") != null) {
            return false;
        }
        request.logout();
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        response.setStatus(307);
        response.setHeader("Location", request.getContextPath() + request.getServletPath() + "?again=1");
        return true;
    }
}
