package org.cancelportal.it.support;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** For browser tests, which run outside the server: POST /test-fixtures/subscriber makes a fresh subscriber. */
@WebServlet("/test-fixtures/subscriber")
public class FixtureServlet extends HttpServlet {

    @Inject
    Fixtures fixtures;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String zone = request.getParameter("zone") == null ? "Europe/Berlin" : request.getParameter("zone");
        Fixtures.Created created = fixtures.subscriberWithSubscription(zone);
        var subscriptions = Json.createArrayBuilder();
        created.subscriptionIds().forEach(subscriptions::add);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder()
                .add("email", created.email())
                .add("password", Fixtures.PASSWORD)
                .add("subscriberId", created.subscriberId())
                .add("subscriptionIds", subscriptions)
                .build().toString());
    }
}
