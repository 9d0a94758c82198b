package org.cancelportal.it.support;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * POST /test-fixtures/operator?origin=...: a fresh operator; answers with its code, API key and a plan code.
 * POST ?expire-sessions=code runs out its open portal sessions, ?end-key-grace=code ends the grace of its rotated keys, ?age-keys=code ages its idempotency keys by 25 h; GET ?audit=code lists its audit trail, ?audit-by=login that of a person.
 */
@WebServlet("/test-fixtures/operator")
public class OperatorFixtureServlet extends HttpServlet {

    @Inject
    OperatorFixture fixture;

    /** GET ?audit=code: the operator's audit lines, one a line. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String actor = request.getParameter("audit-by");
        response.getWriter().write(String.join("\n", actor != null ? fixture.auditBy(actor)
                : fixture.audit(request.getParameter("audit"))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("age-keys") != null) {
            fixture.ageKeys(request.getParameter("age-keys"));
            return;
        }
        if (request.getParameter("end-key-grace") != null) {
            fixture.endKeyGrace(request.getParameter("end-key-grace"));
            return;
        }
        if (request.getParameter("expire-sessions") != null) {
            fixture.expireSessions(request.getParameter("expire-sessions"));
            return;
        }
        OperatorFixture.Created created = fixture.create(request.getParameter("origin"));
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("code", created.code()).add("key", created.key())
                .add("plan", created.plan()).build().toString());
    }
}
