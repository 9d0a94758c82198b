package org.cancelportal.severalnodes;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.support.FormClient;

/**
 * The demo operator's billing, pushing its own customers in through the proxy: each proof works on people made for
 * this run, so the proof can run again and again on the same nodes.
 */
final class DemoShop {

    private final String proxy;
    private final OperatorClient api;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    DemoShop(String proxy) {
        this.proxy = proxy.endsWith("/") ? proxy : proxy + "/";
        try {
            this.api = new OperatorClient(URI.create(this.proxy).toURL(), "demo-operator-key");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    OperatorClient api() {
        return api;
    }

    /** Something unique to this run, to name its people and subscriptions. */
    String run() {
        return run;
    }

    /**
     * A customer with one monthly subscription whose period ends after the time given; true when both were created.
     */
    boolean customer(String name, Duration periodLeft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int person = api.put("subscribers/cus_" + name, "{\"email\":\"" + email(name) + "\",\"name\":\"Person "
                + name + "\",\"locale\":\"en\"}").status();
        OperatorClient.Reply subscription = api.put("subscriptions/sub_" + name, "{\"subscriber\":\"cus_" + name
                + "\",\"plan\":\"streaming-basic-monthly-eur\",\"started_at\":\"" + now.minus(Duration.ofDays(60))
                + "\",\"current_period_start\":\"" + now.minus(Duration.ofDays(29))
                + "\",\"current_period_end\":\"" + now.plus(periodLeft) + "\"}");
        if (person != 201 || subscription.status() != 201) {
            System.out.println("        not created: " + person + ", " + subscription.status() + " "
                    + subscription.body());
            return false;
        }
        return true;
    }

    private String email(String name) {
        return name + "@example.com";
    }

    /** A new customer with a subscription that has 20 days to run, signed in on the visitor: its account page. */
    FormClient.Page newCustomerSignedIn(String name, FormClient visitor) {
        if (!customer(name, Duration.ofDays(20))) {
            throw new AssertionError("the shop could not create the customer " + name);
        }
        return signIn(visitor, name);
    }

    /** Signs the visitor in as the customer, the way the shop sends its customers over: a portal session link. */
    FormClient.Page signIn(FormClient visitor, String name) {
        OperatorClient.Reply session = api.post("portal-sessions", "{\"subscriber\":\"cus_" + name
                + "\",\"return_url\":\"https://shop.example.com/account\"}");
        if (session.status() != 201) {
            throw new AssertionError("no portal session: " + session.status() + " " + session.body());
        }
        URI link = URI.create(session.json().getString("url"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : link.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        // the link's page shows one button; pressing it sends the link's token and signature
        return visitor.post(link.resolve(link.getRawPath()).toString(), fields);
    }

    String url(String path) {
        return proxy + path;
    }
}
