package org.cancelportal.it.support;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For browser tests, which run outside the server: POST /test-fixtures/subscriber makes a fresh subscriber,
 * POST /test-fixtures/staff?role=product a staff login; GET /test-fixtures/failure fails like a bug would;
 * POST /test-fixtures/forget-sign-ins empties the server's authentication cache, as its timeout, a restart or another
 * node would; POST /test-fixtures/refund-run-out?reference= lets the days to confirm a refund pass;
 * POST /test-fixtures/cancel?login=&subscription=&mode= and /test-fixtures/undo?login=&reference= cancel and undo as
 * the subscriber would on the pages.
 */
@WebServlet({"/test-fixtures/subscriber", "/test-fixtures/staff", "/test-fixtures/failure", "/test-fixtures/survey",
        "/test-fixtures/cancel-many", "/test-fixtures/extra-relays", "/test-fixtures/give-up",
        "/test-fixtures/insights", "/test-fixtures/declarations", "/test-fixtures/public-cancel-throttle",
        "/test-fixtures/outbox", "/test-fixtures/mail-address", "/test-fixtures/forget-sign-ins",
        "/test-fixtures/erase", "/test-fixtures/refund-run-out", "/test-fixtures/survey-final",
        "/test-fixtures/password-hash", "/test-fixtures/outlive-sign-in", "/test-fixtures/cancel",
        "/test-fixtures/undo", "/test-fixtures/answer-joins"})
public class FixtureServlet extends HttpServlet {

    @Inject
    Fixtures fixtures;

    @Inject
    InsightsFixture insights;

    @Inject
    org.cancelportal.outbox.control.OutboxRelay relay;

    @Inject
    org.cancelportal.cancellation.boundary.ReceiptEmail receiptEmail;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @Inject
    org.cancelportal.privacy.boundary.ErasurePage erasure;

    /** How many receipt deliveries each extra relay attempted, by relay number; GET /test-fixtures/extra-relays. */
    private static final Map<Integer, AtomicInteger> extraRelays = new ConcurrentSkipListMap<>();

    /**
     * More relays for the receipt email beside the server's own, as other nodes would run them. Each counts what it
     * delivered and stops once it has found nothing to do for 5 s.
     */
    private void startExtraRelays(int count) {
        extraRelays.clear();
        for (int i = 1; i <= count; i++) {
            AtomicInteger delivered = new AtomicInteger();
            extraRelays.put(i, delivered);
            executor.submit(() -> {
                long idleSince = System.nanoTime();
                while (System.nanoTime() - idleSince < 5_000_000_000L) {
                    int attempted = relay.poll(receiptEmail);
                    if (attempted > 0) {
                        delivered.addAndGet(attempted);
                        idleSince = System.nanoTime();
                    }
                }
            });
        }
    }

    /**
     * GET /test-fixtures/erase?email=: the admin's erase action, called for whoever is signed in on this browser
     * without passing the admin pages' guard, as a bug in the guard would let it be called.
     */
    private void eraseAsTheCaller(String email, HttpServletResponse response) throws IOException {
        erasure.setEmail(email);
        try {
            erasure.erase();
        } catch (SecurityException refused) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /** Liberty's own switch for its authentication cache, the MBean an administrator would use. */
    private static void forgetSignIns() {
        try {
            java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(new javax.management.ObjectName(
                    "WebSphere:service=com.ibm.websphere.security.authentication.cache.DeleteAuthCache"),
                    "removeAllEntries", new Object[0], new String[0]);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    org.cancelportal.web.security.SessionSettings sessionSettings;

    /** GET /test-fixtures/outlive-sign-in: the sign-in of the browser's session was made a lifetime ago. */
    private void outliveSignIn(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        var caller = org.cancelportal.web.security.SignedInCaller.of(session).orElseThrow();
        new org.cancelportal.web.security.SignedInCaller(caller.name(), caller.groups(),
                caller.signedInAt().minus(sessionSettings.lifetime()).minusSeconds(1), caller.subscriberId()).keepIn(session);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("/outlive-sign-in")) {
            outliveSignIn(request);
            return;
        }
        if (request.getServletPath().endsWith("/erase")) {
            eraseAsTheCaller(request.getParameter("email"), response);
            return;
        }
        if (request.getServletPath().endsWith("/answer-joins")) {
            response.setContentType("text/plain");
            response.getWriter().write(fixtures.answerJoins(request.getParameter("comment")));
            return;
        }
        if (request.getServletPath().endsWith("/declarations")) {
            response.setContentType("text/plain");
            response.getWriter().write(fixtures.declarationRecords(request.getParameter("email")));
            return;
        }
        if (request.getServletPath().endsWith("/outbox")) {
            response.setContentType("text/plain");
            response.getWriter().write(fixtures.outboxRecords(request.getParameter("email")));
            return;
        }
        if (request.getServletPath().endsWith("/extra-relays")) {
            response.setContentType("text/plain");
            response.getWriter().write(extraRelays.toString());
            return;
        }
        if (request.getServletPath().endsWith("/password-hash")) {
            response.setContentType("text/plain");
            response.getWriter().write(String.valueOf(fixtures.passwordHashIterations(request.getParameter("login"))));
            return;
        }
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
        if (request.getServletPath().endsWith("/forget-sign-ins")) {
            forgetSignIns();
            return;
        }
        if (request.getServletPath().endsWith("/survey-final")) {
            if (fixtures.letSurveyAnswersBecomeFinal(request.getParameter("plan")) == 0) {
                throw new IllegalArgumentException("no unannounced survey answer on " + request.getParameter("plan"));
            }
            return;
        }
        if (request.getServletPath().endsWith("/password-hash")) {
            try {
                fixtures.hashPasswordAtLowerCost(request.getParameter("login"),
                        Integer.parseInt(request.getParameter("iterations")));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (request.getServletPath().endsWith("/cancel")) {
            response.setContentType("text/plain");
            response.getWriter().write(fixtures.cancelAsSubscriber(request.getParameter("login"),
                    Long.parseLong(request.getParameter("subscription")),
                    org.cancelportal.cancellation.entity.CancellationMode.valueOf(request.getParameter("mode"))));
            return;
        }
        if (request.getServletPath().endsWith("/undo")) {
            fixtures.undoAsSubscriber(request.getParameter("login"), request.getParameter("reference"));
            return;
        }
        if (request.getServletPath().endsWith("/refund-run-out")) {
            fixtures.letRefundRunOut(request.getParameter("reference"));
            return;
        }
        if (request.getServletPath().endsWith("/mail-address")) {
            fixtures.changeMailAddress(request.getParameter("login"), request.getParameter("address"));
            return;
        }
        if (request.getServletPath().endsWith("/public-cancel-throttle")) {
            fixtures.clearPublicCancelThrottle();
            return;
        }
        if (request.getServletPath().endsWith("/give-up")) {
            fixtures.giveUpDeliveries(request.getParameter("email"));
            return;
        }
        if (request.getServletPath().endsWith("/cancel-many")) {
            fixtures.cancelMany(request.getParameter("prefix"), Integer.parseInt(request.getParameter("count")));
            return;
        }
        if (request.getServletPath().endsWith("/extra-relays")) {
            startExtraRelays(Integer.parseInt(request.getParameter("count")));
            return;
        }
        if (request.getServletPath().endsWith("/insights")) {
            response.getWriter().write(insights.create().toString());
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
        String plan = request.getParameter("plan") == null ? "it" : request.getParameter("plan");
        Fixtures.Created created = fixtures.subscriberWithSubscription(zone, java.util.Locale.forLanguageTag(language),
                plan);
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
