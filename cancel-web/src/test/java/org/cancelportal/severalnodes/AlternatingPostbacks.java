package org.cancelportal.severalnodes;

import java.time.Duration;
import java.util.List;
import org.cancelportal.it.support.FormClient;

/**
 * 1,000 Faces postbacks through the round-robin proxy: a subscriber cancels and undoes, again and again, and every
 * form is sent to another node than the one that drew it. None may meet an expired view, a sign-in page or an error.
 */
final class AlternatingPostbacks extends Proof {

    private static final int POSTBACKS = 1000;
    /** The client the proxy is told about, so that its access log tells this visitor's requests apart. */
    private final String client = Cluster.newClientAddress();

    private int postbacks;
    private int expired;
    private int signedOut;
    private int errors;
    private int notUndone;

    AlternatingPostbacks(Cluster cluster, Findings findings) {
        super(cluster, findings);
    }

    @Override
    void prove() {
        System.out.printf("%n%,d Faces postbacks (cancel, undo, cancel, …) through the proxy%n", POSTBACKS);
        DemoShop shop = new DemoShop(cluster.proxy());
        String customer = "postbacks-" + shop.run();
        FormClient visitor = FormClient.throughProxyFor(client);
        FormClient.Page account = shop.newCustomerSignedIn(customer, visitor);
        long started = System.nanoTime();
        while (postbacks < POSTBACKS) {
            if (!Visits.hasCancelButton(account)) {
                // the last undo did not go through (counted there): bring the subscription back to go on
                account = Visits.undoFromAccountPage(visitor, account, cluster.url("account"));
                postbacks++;
                if (!Visits.hasCancelButton(account)) {
                    notUndone++;
                    continue;
                }
            }
            FormClient.Page receipt = Visits.pressFirstCancelButton(account);
            if (landed(receipt, "/receipt") && Visits.hasUndoButton(receipt)) {
                FormClient.Page undone = Visits.pressUndo(receipt);
                if (landed(undone, "/receipt") && !Visits.undone(undone)) {
                    notUndone++;
                    report(undone);
                }
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
        findings.check(notUndone == 0, "every undo went through (" + notUndone + " did not)");
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
        report(page);
        return false;
    }

    /** The first few postbacks that went wrong, as the page they met. */
    private void report(FormClient.Page page) {
        if (expired + signedOut + errors + notUndone <= 5) {
            System.out.printf("        postback %d met %s (%d) from %s: %s%n", postbacks, page.uri(), page.status(),
                    Visits.servedBy(page), Visits.headline(page));
        }
    }
}
