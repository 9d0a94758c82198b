package org.cancelportal.it.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * POST /test-fixtures/reminders runs the reminder job now and answers how many notices it handed to the outbox;
 * POST ?plan=name&amp;price=9.99 makes a monthly EUR plan and answers its code; GET ?subscriber=email answers the
 * subscriber's own id.
 */
@WebServlet("/test-fixtures/reminders")
public class ReminderFixtureServlet extends HttpServlet {

    @Inject
    ReminderFixture fixture;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(String.valueOf(fixture.subscriberId(request.getParameter("subscriber"))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String plan = request.getParameter("plan");
        response.getWriter().write(plan != null ? fixture.plan(plan, request.getParameter("price"))
                : String.valueOf(fixture.runJob()));
    }
}
