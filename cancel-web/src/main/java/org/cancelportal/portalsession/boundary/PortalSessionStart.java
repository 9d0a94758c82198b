package org.cancelportal.portalsession.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.cancelportal.web.security.PortalSessionCredential;
import org.cancelportal.identity.control.SubscriberLogins;
import org.cancelportal.portalsession.control.PortalSessions;
import org.cancelportal.portalsession.control.RedeemedSession;

/**
 * Where a portal session link lands. Opening it (GET) changes nothing: it shows one button, because anything can
 * make a browser open a link (an image, a prefetch, a mail scanner) and a link that signed in on GET would sign out
 * whoever uses the browser. The button (POST, from this site only) uses the link (once), signs the subscriber in with a
 * fresh session, and takes them to their account page, or straight to the cancel box of the subscription the operator
 * named. A link that is forged, expired or used goes to the login page with a note saying so.
 */
@WebServlet("/portal-session")
public class PortalSessionStart extends HttpServlet {

    static final String CONFIRM_PAGE = "/portal-session-confirm.xhtml";

    @Inject
    PortalSessions sessions;

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        request.getRequestDispatcher(CONFIRM_PAGE).forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            // another site's form would sign this browser in as the person its link is for
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (signedOutSomeoneElseBeforePost(request, response)) {
            return;
        }
        Optional<RedeemedSession> redeemed = sessions.redeem(request.getParameter("token"),
                request.getParameter("sig"));
        if (redeemed.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login?sessionLinkExpired=true");
            return;
        }
        RedeemedSession session = redeemed.get();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a session id planted before is worth nothing after
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new PortalSessionCredential(session.subscriberId(),
                        SubscriberLogins.forSubscriber(session.subscriberId())))
                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            throw new ServletException("A redeemed portal session was not accepted: " + status);
        }
        request.getSession().setAttribute(OperatorReturn.ATTRIBUTE,
                new OperatorReturn.Target(session.operatorName(), session.returnUrl()));
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/account"
                    + (session.goesToCancelBox() ? "#subscription-" + session.subscriptionId() : ""));
        }
    }

    /**
     * As {@link #signedOutSomeoneElse}, for the confirming POST: a 307 makes the browser send the same form again, to
     * be signed in by a response of its own.
     */
    private static boolean signedOutSomeoneElseBeforePost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException {
        if (request.getUserPrincipal() == null || request.getParameter("again") != null) {
            return false;
        }
        signOut(request);
        response.setStatus(307);
        response.setHeader("Location", request.getContextPath() + request.getServletPath() + "?again=1");
        return true;
    }

    /**
     * Whoever was signed in on this browser before is signed out first, in a response of its own, and the browser
     * comes back with the same link: the link speaks for one person only, and signing out and in within one response
     * would leave the browser with the old sign-in cookie cleared after the new one was set. A reminder's link
     * (ReminderLinkStart) signs in the same way.
     */
    public static boolean signedOutSomeoneElse(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getUserPrincipal() == null || request.getParameter("again") != null) {
            return false;
        }
        signOut(request);
        response.sendRedirect(request.getContextPath() + request.getServletPath() + "?" + request.getQueryString()
                + "&again=1");
        return true;
    }

    private static void signOut(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
    }
}
