package org.cancelportal.severalnodes;

import java.time.Duration;
import java.util.List;
import org.cancelportal.it.support.FormClient;

/**
 * 1,000 Faces postbacks through the round-robin proxy: a subscriber cancels and undoes, again and again, and every
 * form is sent to another node than the one that drew it. None may meet an expired view, a sign-in page or an error.
 */
final class AlternatingPostbacks {

    private static final int POSTBACKS = 1000;
    /** The client the proxy is told about, so that its access log tells this visitor's requests apart. */
    private final String client = Cluster.newClientAddress();

    private final Cluster cluster;
    private final Findings findings;
    private int postbacks;
    private int expired;
    private int signedOut;
    private int errors;

    AlternatingPostbacks(Cluster cluster, Findings findings) {
        this.cluster = cluster;
        this.findings = findings;
    }

    void prove() {
        System.out.printf("%n%,d Faces postbacks (cancel, undo, cancel, …) through the proxy%n", POSTBACKS);
        DemoShop shop = new DemoShop(cluster);
        String customer = "postbacks-" + shop.run();
        findings.check(shop.customer(customer, Duration.ofDays(20)), "the shop created a customer to cancel and undo");
        FormClient visitor = FormClient.throughProxyFor(client);
        FormClient.Page account = shop.signIn(visitor, customer);
        long started = System.nanoTime();
        while (postbacks < POSTBACKS) {
            FormClient.Page receipt = Visits.pressFirstCancelButton(account);
            if (landed(receipt, "/receipt") && Visits.hasUndoButton(receipt)) {
                landed(Visits.pressUndo(receipt), "/receipt");
            }
            account = visitor.get(cluster.url("account"));
            if (Visits.path(account).equals("/login")) {
                account = shop.signIn(visitor, customer);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<Cluster.Forwarded> forwarded = cluster.forwardedFor(client);
        long posts = forwarded.stream().filter(line -> line.method().equals("POST")).count();
        long crossNode = 0;
        for (int i = 1; i < forwarded.size(); i++) {
            Cluster.Forwarded line = forwarded.get(i);
            if (line.method().equals("POST") && !line.node().equals(forwarded.get(i - 1).node())) {
                crossNode++;
            }
        }
        long nodesAnswering = forwarded.stream().map(Cluster.Forwarded::node).distinct().count();
        findings.figure(String.format("%,d postbacks in %.1f s; %,d of them on another node than the page they came"
                + " from; %d nodes answered", postbacks, took.toMillis() / 1000.0, crossNode, nodesAnswering));
        findings.check(nodesAnswering == cluster.nodes(), "every node answered this visitor");
        findings.check(posts >= postbacks && crossNode >= posts * 9 / 10,
                "the postbacks went to another node than the one that drew their form");
        findings.check(expired == 0, "no postback met an expired view (" + expired + ")");
        findings.check(signedOut == 0, "no postback found the person signed out (" + signedOut + ")");
        findings.check(errors == 0, "no postback met an error (" + errors + ")");
    }

    /** Counts one postback and what it met; true when it arrived where it should. */
    private boolean landed(FormClient.Page page, String expectedPath) {
        postbacks++;
        if (Visits.viewExpired(page)) {
            expired++;
        } else if (Visits.path(page).equals("/login")) {
            signedOut++;
        } else if (page.status() != 200 || !Visits.path(page).equals(expectedPath)) {
            errors++;
        } else {
            return true;
        }
        if (expired + signedOut + errors <= 5) {
            System.out.printf("        postback %d met %s (%d) from %s: %s%n", postbacks, page.uri(), page.status(),
                    Visits.servedBy(page), Visits.headline(page));
        }
        return false;
    }
}
