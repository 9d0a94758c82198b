package org.cancelportal.it.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collections;

/**
 * GET /test-fixtures/session-sizes: each attribute of the caller's own session and how many bytes it takes when
 * serialized, one "name bytes" a line after "id <session id>", as the session store would write it for another node to read.
 */
@WebServlet("/test-fixtures/session-sizes")
public class SessionSizesServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        response.setContentType("text/plain");
        if (session == null) {
            return;
        }
        StringBuilder lines = new StringBuilder("id ").append(session.getId()).append('\n');
        for (String name : Collections.list(session.getAttributeNames())) {
            lines.append(name).append(' ').append(serializedSize(session.getAttribute(name))).append('\n');
        }
        response.getWriter().write(lines.toString());
    }

    private static int serializedSize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }
}
