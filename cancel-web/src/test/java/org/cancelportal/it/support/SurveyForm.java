package org.cancelportal.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers the survey behind an invitation link over plain HTTP, as a browser without JavaScript posts the form: the
 * page's own form address and hidden fields (its view state), the fields by their names, the send button pressed.
 */
public final class SurveyForm {

    /** What a person answers; comment and fair outcome may be null. */
    public record Answer(String reason, String comment, String fairOutcome, boolean contact, boolean anonymous) {
    }

    private static final Pattern ACTION = Pattern.compile("<form id=\"survey\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"");
    private static final Pattern SEND = Pattern.compile("<input id=\"survey:send\"[^>]*value=\"([^\"]+)\"");

    private SurveyForm() {
    }

    /** @return the page that answers the sending */
    public static String answer(String link, Answer answer) {
        return open(link).send(answer);
    }

    /** Opens the form as a person does, to send it later: its view stays in this client's session. */
    public static Opened open(String link) {
        // a client of its own, for the session that holds the form's view
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(20)).build();
        return new Opened(browser, link, exchange(browser, HttpRequest.newBuilder(URI.create(link)).GET().build()));
    }

    /** A survey page on the screen, not sent yet. */
    public record Opened(HttpClient browser, String link, String form) {

        /** @return the page that answers the sending */
        public String send(Answer answer) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form);
            while (hidden.find()) {
                fields.put(html(hidden.group(1)), html(hidden.group(2))); // the view state and the form's own marker
            }
            fields.put("survey:reason", answer.reason());
            fields.put("survey:comment", answer.comment() == null ? "" : answer.comment());
            fields.put("survey:fair", answer.fairOutcome() == null ? "" : answer.fairOutcome());
            if (answer.contact()) {
                fields.put("survey:contact", "true");
            }
            if (answer.anonymous()) {
                fields.put("survey:anonymous", "true");
            }
            fields.put("survey:send", html(find(SEND, form)));
            if (!fields.containsKey("jakarta.faces.ViewState")) {
                throw new AssertionError("no view state in the survey page: " + form);
            }
            String body = fields.entrySet().stream()
                    .map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
                    .collect(Collectors.joining("&"));
            return exchange(browser, HttpRequest.newBuilder(URI.create(link).resolve(html(find(ACTION, form))))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in the survey page: " + page);
        }
        return matcher.group(1);
    }

    private static String html(String attribute) {
        return attribute.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String exchange(HttpClient browser, HttpRequest request) {
        try {
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
