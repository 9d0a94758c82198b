package org.cancelportal.severalnodes;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cancelportal.it.support.FormClient;

/**
 * The sign-in and public-form throttles count in the database, so a client that spreads its tries over the nodes
 * meets the same limit as one that stays on one node.
 */
final class ThrottlesAcrossNodes extends Proof {

    /** login.max-failures-per-account and public-cancel.max-per-address, the defaults of portal.xml. */
    private static final int FAILURES_ALLOWED = 5;
    private static final int DECLARATIONS_ALLOWED = 10;
    private final String guesser = Cluster.newClientAddress();
    private final String declarer = Cluster.newClientAddress();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /** A name with no account: the throttle counts failures per name, whether or not an account has it. */
    private final String guessedName = "guessed-" + run + "@example.com";


    ThrottlesAcrossNodes(Cluster cluster, Findings findings) {
        super(cluster, findings);
    }

    @Override
    void prove() {
        System.out.println("\nThe throttles count across nodes");
        signIn();
        publicForm();
    }

    private void signIn() {
        FormClient guessing = FormClient.throughProxyFor(guesser);
        Set<String> nodes = new HashSet<>();
        int refusedAsWrong = 0;
        for (int attempt = 0; attempt < FAILURES_ALLOWED; attempt++) {
            stepToNextNode(guessing, attempt);
            FormClient.Page wrong = Visits.signIn(guessing, cluster, guessedName, "not-the-password");
            nodes.add(Visits.servedBy(wrong));
            if (Visits.path(wrong).equals("/login") && !throttled(wrong, "Too many sign-in attempts")) {
                refusedAsWrong++;
            }
        }
        stepToNextNode(guessing, FAILURES_ALLOWED);
        FormClient.Page oneMore = Visits.signIn(guessing, cluster, guessedName, "another-guess");
        nodes.add(Visits.servedBy(oneMore));
        findings.figure(FAILURES_ALLOWED + " wrong passwords for one name, then one more, answered by " + nodes);
        findings.check(refusedAsWrong == FAILURES_ALLOWED && nodes.size() > 1,
                "wrong passwords sent to different nodes were refused as wrong");
        findings.check(Visits.path(oneMore).equals("/login") && throttled(oneMore, "Too many sign-in attempts"),
                "then the name has to wait: the nodes counted the failures together");
    }

    private void publicForm() {
        FormClient declaring = FormClient.throughProxyFor(declarer);
        int received = 0;
        for (int declaration = 0; declaration < DECLARATIONS_ALLOWED; declaration++) {
            stepToNextNode(declaring, declaration);
            if (!throttled(declare(declaring, declaration), "Many cancellations came from your internet connection")) {
                received++;
            }
        }
        FormClient.Page oneMore = declare(declaring, DECLARATIONS_ALLOWED);
        long nodes = cluster.forwardedFor(declarer).stream().filter(line -> line.method().equals("POST"))
                .map(Cluster.Forwarded::node).distinct().count();
        findings.figure(DECLARATIONS_ALLOWED + " declarations from one address, sent to " + nodes + " nodes");
        findings.check(received == DECLARATIONS_ALLOWED && nodes > 1,
                "the public form took declarations from one address on different nodes");
        findings.check(throttled(oneMore, "Many cancellations came from your internet connection"),
                "then the next one from that address waits: the nodes counted them together");
    }

    /** A declaration of its own: the form takes the same declaration sent again as the first, without counting it. */
    private FormClient.Page declare(FormClient declarer, int number) {
        String person = "declarer-" + run + "-" + number + "@example.com";
        return declarer.get(cluster.url("cancel-contract")).submit("cancel", Map.of(
                "cancel:contract", "Streaming Basic", "cancel:name", "Declarer " + number,
                "cancel:accountEmail", person, "cancel:kind", "ORDINARY", "cancel:confirmationEmail", person),
                "cancel:send");
    }

    /**
     * A form is drawn by one node and sent to the next; one more request before every other try moves the sending
     * on to another node, so the tries are spread over the nodes rather than all sent to one.
     */
    private void stepToNextNode(FormClient client, int attempt) {
        if (attempt % 2 == 1) {
            client.get(cluster.url("health/live"));
        }
    }

    private static boolean throttled(FormClient.Page page, String words) {
        return page.body().contains(words);
    }
}
