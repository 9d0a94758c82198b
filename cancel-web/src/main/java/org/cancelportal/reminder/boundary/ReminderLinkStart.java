package org.cancelportal.reminder.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.identity.control.SubscriberLogins;
import org.cancelportal.portalsession.boundary.PortalSessionStart;
import org.cancelportal.reminder.control.ReminderLinks;
import org.cancelportal.web.security.PortalSessionCredential;

/**
 * Where the link in a reminder lands: uses it (once), signs the subscriber in with a fresh session that may see and
 * cancel that one subscription only, and opens its cancel box on the account page. A link that is forged, expired
 * or used goes to a page that says so and shows the other ways to cancel.
 */
@WebServlet("/reminder-link")
public class ReminderLinkStart extends HttpServlet {

    @Inject
    ReminderLinks links;

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (PortalSessionStart.signedOutSomeoneElse(request, response)) {
            return;
        }
        Optional<ReminderLinks.Redeemed> redeemed = links.redeem(request.getParameter("token"),
                request.getParameter("sig"));
        if (redeemed.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/reminder-link-used");
            return;
        }
        ReminderLinks.Redeemed link = redeemed.get();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a session id planted before is worth nothing after
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new PortalSessionCredential(link.subscriberId(),
                        SubscriberLogins.forSubscriber(link.subscriberId())))
                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            throw new ServletException("A redeemed reminder link was not accepted: " + status);
        }
        request.getSession().setAttribute(CurrentSubscriber.ONLY_SUBSCRIPTION, link.subscriptionId());
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/account#subscription-" + link.subscriptionId());
        }
    }
}
