package org.cancelportal.reminder.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.link.boundary.ConfirmedLinkStart;
import org.cancelportal.reminder.control.ReminderLinks;

/**
 * Where the link in a reminder lands: its one button (see {@link ConfirmedLinkStart}) uses the link, signs the
 * subscriber in with a session that may see and cancel that one subscription only, and opens its cancel box on the
 * account page. A link that is forged, expired or used goes to a page that says so and shows the other ways to cancel.
 */
@WebServlet("/reminder-link")
public class ReminderLinkStart extends ConfirmedLinkStart {

    @Inject
    ReminderLinks links;

    @Override
    protected String words() {
        return "reminder-link";
    }

    @Override
    protected void useLink(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<ReminderLinks.Redeemed> redeemed = links.redeem(request.getParameter("token"),
                request.getParameter("sig"));
        if (redeemed.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/reminder-link-used");
            return;
        }
        ReminderLinks.Redeemed link = redeemed.get();
        signIn(request, response, link.subscriberId());
        request.getSession().setAttribute(CurrentSubscriber.ONLY_SUBSCRIPTION, link.subscriptionId());
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/account#subscription-" + link.subscriptionId());
        }
    }
}
