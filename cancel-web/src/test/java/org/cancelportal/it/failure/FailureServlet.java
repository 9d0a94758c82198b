package org.cancelportal.it.failure;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** GET /test-fixtures/fail-like-a-bug in the exit survey: fails the way an unexpected bug would. */
@WebServlet("/test-fixtures/fail-like-a-bug")
public class FailureServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException("A deliberate failure, as an unexpected bug would cause");
    }
}
