package org.cancelportal.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
 * A visitor without JavaScript, over plain HTTP: it keeps its own cookies and sends a page's form as a browser does,
 * with the form's own hidden fields (its view state), the fields by their names and the button pressed. It may come
 * through a reverse proxy on this machine that names the client it forwards (X-Forwarded-For).
 */
public final class FormClient {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final Map<String, String> proxyHeaders;

    private FormClient(Map<String, String> proxyHeaders) {
        this.proxyHeaders = proxyHeaders;
    }

    public static FormClient direct() {
        return new FormClient(Map.of());
    }

    /** Comes through a proxy on this machine, which says it forwards the client at this address. */
    public static FormClient throughProxyFor(String clientAddress) {
        return new FormClient(Map.of("X-Forwarded-For", clientAddress));
    }

    public Page get(String url) {
        return exchange(request(URI.create(url)).GET());
    }

    /** Sends these fields as a plain form (no Faces view state), as a page's plain HTML form does. */
    public Page post(String url, Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
                .collect(Collectors.joining("&"));
        return exchange(request(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    /** A page as the server answered it, at the address it was finally answered from. */
    public record Page(FormClient client, URI uri, int status, HttpHeaders headers, String body) {

        /**
         * Sends the form with this id as the page renders it, with these fields changed or added and this button
         * pressed.
         */
        public Page submit(String formId, Map<String, String> fields, String buttonId) {
            String form = form(formId);
            Map<String, String> sent = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form);
            while (hidden.find()) {
                sent.put(html(hidden.group(1)), html(hidden.group(2)));
            }
            if (!sent.containsKey("jakarta.faces.ViewState")) {
                throw new AssertionError("no view state in form " + formId + ": " + body);
            }
            sent.putAll(fields);
            sent.put(buttonId, html(find(Pattern.compile("<input id=\"" + Pattern.quote(buttonId)
                    + "\"[^>]*value=\"([^\"]+)\""), form)));
            String encoded = sent.entrySet().stream()
                    .map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
                    .collect(Collectors.joining("&"));
            return client.exchange(client.request(uri.resolve(html(find(ACTION, form))))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)));
        }

        /** The form with this id, from its opening tag to its end. */
        public String form(String formId) {
            int start = body.indexOf("<form id=\"" + formId + "\"");
            if (start < 0) {
                throw new AssertionError("no form " + formId + " in " + uri + " (" + status + "): " + body);
            }
            return body.substring(start, body.indexOf("</form>", start));
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        proxyHeaders.forEach(request::header);
        return request;
    }

    private Page exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // the address the browser would show: after redirects, the last one's
            return new Page(this, response.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in " + page);
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
}
