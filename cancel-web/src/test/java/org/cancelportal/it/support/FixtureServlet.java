package org.cancelportal.it.support;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * For browser tests, which run outside the server: POST /test-fixtures/subscriber makes a fresh subscriber,
 * POST /test-fixtures/staff?role=product a staff login; GET /test-fixtures/failure fails like a bug would.
 */
@WebServlet({"/test-fixtures/subscriber", "/test-fixtures/staff", "/test-fixtures/failure", "/test-fixtures/survey"})
public class FixtureServlet extends HttpServlet {

    @Inject
    Fixtures fixtures;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("/survey")) {
            response.setContentType("text/plain");
            response.getWriter().write(fixtures.surveyRecords(request.getParameter("email")));
            return;
        }
        throw new IllegalStateException("A deliberate failure, as an unexpected bug would cause");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        if (request.getServletPath().endsWith("/survey")) {
            fixtures.expireInvitations(request.getParameter("email"));
            return;
        }
        if (request.getServletPath().endsWith("/staff")) {
            response.getWriter().write(Json.createObjectBuilder()
                    .add("email", fixtures.staffLogin(request.getParameter("role")))
                    .add("password", Fixtures.PASSWORD).build().toString());
            return;
        }
        String zone = request.getParameter("zone") == null ? "Europe/Berlin" : request.getParameter("zone");
        String language = request.getParameter("language") == null ? "en" : request.getParameter("language");
        Fixtures.Created created = fixtures.subscriberWithSubscription(zone, java.util.Locale.forLanguageTag(language));
        var subscriptions = Json.createArrayBuilder();
        created.subscriptionIds().forEach(subscriptions::add);
        response.getWriter().write(Json.createObjectBuilder()
                .add("email", created.email())
                .add("password", Fixtures.PASSWORD)
                .add("subscriberId", created.subscriberId())
                .add("subscriptionIds", subscriptions)
                .build().toString());
    }
}
