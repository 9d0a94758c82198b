package org.cancelportal.portalsession.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cancelportal.link.boundary.ConfirmedLinkStart;
import org.cancelportal.portalsession.control.PortalSessions;
import org.cancelportal.portalsession.control.RedeemedSession;

/**
 * Where a portal session link lands: its one button (see {@link ConfirmedLinkStart}) uses the link, signs the
 * subscriber in, and takes them to their account page, or straight to the cancel box of the subscription the operator
 * named. A link that is forged, expired or used goes to the login page with a note saying so.
 */
@WebServlet("/portal-session")
public class PortalSessionStart extends ConfirmedLinkStart {

    @Inject
    PortalSessions sessions;

    @Override
    protected String words() {
        return "portal-session";
    }

    @Override
    protected void useLink(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<RedeemedSession> redeemed = sessions.redeem(request.getParameter("token"),
                request.getParameter("sig"));
        if (redeemed.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login?sessionLinkExpired=true");
            return;
        }
        RedeemedSession session = redeemed.get();
        signIn(request, response, session.subscriberId());
        request.getSession().setAttribute(OperatorReturn.ATTRIBUTE,
                new OperatorReturn.Target(session.operatorName(), session.returnUrl()));
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/account"
                    + (session.goesToCancelBox() ? "#subscription-" + session.subscriptionId() : ""));
        }
    }
}
