package org.cancelportal.it.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * For the withdrawal tests: POST /test-fixtures/withdrawal-terms?subscription=&amp;started-days-ago=&amp;start-requested=
 * &amp;plan-days= sets what is given (see WithdrawalFixtures); GET /test-fixtures/withdrawal-terms?subscription= reads
 * what the database holds about its withdrawal, ?declared= how many of its withdrawals count from the time of receipt
 * of the public declaration that carried them out. POST ?subscription=&amp;cancel-then-withdraw=LOGIN: a scheduled
 * cancellation, superseded at once by a withdrawal; POST ?declaration=DC-…|WR-…&amp;hours-ago= moves a public
 * declaration and its link that far into the past.
 */
@WebServlet("/test-fixtures/withdrawal-terms")
public class WithdrawalFixtureServlet extends HttpServlet {

    @Inject
    WithdrawalFixtures fixtures;

    @Inject
    Fixtures common;

    @Inject
    org.cancelportal.withdrawal.control.WithdrawalService withdrawals;

    @jakarta.annotation.Resource
    jakarta.transaction.UserTransaction transaction;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getParameter("declared") != null) {
            response.getWriter().write(String.valueOf(fixtures.receivedAsDeclared(
                    Long.parseLong(request.getParameter("declared")))));
            return;
        }
        response.getWriter().write(fixtures.records(Long.parseLong(request.getParameter("subscription"))));
    }

    /**
     * The subscriber cancels at the end of the period and withdraws right after; answers "CX-…,WD-…". Both commit
     * together, so no consumer of the cancellation's events can have had its turn before the withdrawal, however slow
     * the machine: the test is about what the consumers do once both are there, not about a race.
     */
    private void cancelThenWithdraw(String login, long subscription, HttpServletResponse response) {
        String cancellation;
        String withdrawal;
        try {
            transaction.begin();
            cancellation = common.cancelAsSubscriber(login, subscription,
                    org.cancelportal.cancellation.entity.CancellationMode.END_OF_PERIOD);
            withdrawal = withdrawals.withdraw(org.cancelportal.withdrawal.control.WithdrawCommand.now(subscription,
                    fixtures.subscriberRequester(login), "fixture-" + java.util.UUID.randomUUID())).getReference();
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("could not cancel and withdraw in one transaction", e);
        }
        try {
            response.setContentType("text/plain");
            response.getWriter().write(cancellation + "," + withdrawal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        if (request.getParameter("declaration") != null) {
            fixtures.declaredHoursAgo(request.getParameter("declaration"),
                    Integer.parseInt(request.getParameter("hours-ago")));
            return;
        }
        long subscription = Long.parseLong(request.getParameter("subscription"));
        if (request.getParameter("cancel-then-withdraw") != null) {
            cancelThenWithdraw(request.getParameter("cancel-then-withdraw"), subscription, response);
            return;
        }
        if (request.getParameter("started-days-ago") != null) {
            fixtures.startedDaysAgo(subscription, Integer.parseInt(request.getParameter("started-days-ago")));
        }
        if (request.getParameter("start-requested") != null) {
            fixtures.serviceStartRequested(subscription, Boolean.parseBoolean(request.getParameter("start-requested")));
        }
        if (request.getParameter("plan-days") != null) {
            fixtures.planDays(subscription, Integer.parseInt(request.getParameter("plan-days")));
        }
    }
}
