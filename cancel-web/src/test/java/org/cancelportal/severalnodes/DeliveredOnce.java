package org.cancelportal.severalnodes;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.webhook.Receiver;

/**
 * Every node runs the relays, the effective-date job, the survey invitations and the webhook sender. An operator
 * cancels subscriptions through the proxy, each request and its replay on another node; each cancellation must then
 * reach the operator's endpoint once as scheduled and once as ended, and each person must get each email once.
 */
final class DeliveredOnce extends Proof {

    private static final int SUBSCRIPTIONS = 40;
    private static final String SCHEDULED = "subscription.cancellation_scheduled";
    private static final String ENDED = "subscription.ended";
    /** Long enough for every cancellation to be made before its period ends and the effective-date job ends it. */
    private static final Duration PERIOD_LEFT = Duration.ofSeconds(60);

    private final DemoShop shop;

    DeliveredOnce(Cluster cluster, Findings findings) {
        super(cluster, findings);
        this.shop = new DemoShop(cluster.proxy());
    }

    @Override
    void prove() {
        System.out.printf("%nEach message exactly once: %d cancellations through the API, every node relaying%n",
                SUBSCRIPTIONS);
        try (Receiver receiver = new Receiver()) {
            OperatorClient api = shop.api();
            OperatorClient.Reply endpoint = api.post("webhook-endpoints", "{\"url\":\"" + receiver.url("/proof")
                    + "\",\"events\":[\"" + SCHEDULED + "\",\"" + ENDED + "\"]}");
            findings.check(endpoint.status() == 201, "the operator registered a webhook endpoint (" + endpoint.status()
                    + ")");
            String endpointId = endpoint.json().getString("id");
            List<String> subscriptions = subscribeAndCancel(api);

            long started = System.nanoTime();
            await("every cancellation scheduled and ended at the endpoint, and its emails written")
                    .atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> receiver.at("/proof").size() >= 2 * SUBSCRIPTIONS
                            && recipientsWithTwoEmails() >= SUBSCRIPTIONS);
            await("nothing left to deliver for these subscriptions").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> nothingPending(endpointId));
            findings.figure(String.format("all delivered %.1f s after the periods began to end",
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0));

            checkWebhooks(receiver.at("/proof"), subscriptions);
            checkEmails();
            findings.check(endedEventsEach() == 1, "the effective-date job ended each subscription once");
            // its receiver goes with this run: deliveries to it later would only fail
            api.delete("webhook-endpoints/" + endpointId);
        }
    }

    /** Each subscription is cancelled twice with the same Idempotency-Key: the replay lands on another node. */
    private List<String> subscribeAndCancel(OperatorClient api) {
        List<String> subscriptions = new ArrayList<>();
        int created = 0;
        int sameAnswer = 0;
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            String name = "once-" + shop.run() + "-" + i;
            if (shop.customer(name, PERIOD_LEFT)) {
                created++;
            }
            String subscription = "sub_" + name;
            OperatorClient.Reply first = api.post("subscriptions/" + subscription + "/cancel", "{}",
                    "Idempotency-Key", "proof-" + subscription);
            OperatorClient.Reply replay = api.post("subscriptions/" + subscription + "/cancel", "{}",
                    "Idempotency-Key", "proof-" + subscription);
            if (first.status() / 100 == 2 && replay.status() / 100 == 2
                    && reference(first).equals(reference(replay))) {
                sameAnswer++;
            }
            subscriptions.add(subscription);
        }
        findings.check(created == SUBSCRIPTIONS,
                "the operator created " + created + " subscriptions through the proxy");
        findings.check(sameAnswer == SUBSCRIPTIONS,
                "each cancellation and its replay on another node gave one reference (" + sameAnswer + ")");
        return subscriptions;
    }

    private void checkWebhooks(List<Receiver.Received> received, List<String> subscriptions) {
        long ids = received.stream().map(request -> request.header("webhook-id")).distinct().count();
        findings.figure(received.size() + " webhook requests (" + 2 * SUBSCRIPTIONS + " for these cancellations, the"
                + " rest for events still on their way when the endpoint came), " + ids + " distinct webhook-ids");
        findings.check(ids == received.size(), "no webhook was delivered twice");
        Map<String, Long> perSubscriptionAndType = received.stream().map(DeliveredOnce::json)
                .collect(Collectors.groupingBy(json -> json.getJsonObject("data").getString("subscription", "?")
                        + " " + json.getString("type"), Collectors.counting()));
        boolean eachOnce = subscriptions.stream().allMatch(subscription ->
                perSubscriptionAndType.getOrDefault(subscription + " " + SCHEDULED, 0L) == 1
                        && perSubscriptionAndType.getOrDefault(subscription + " " + ENDED, 0L) == 1);
        findings.check(eachOnce, "each subscription reached the operator once as scheduled and once as ended");
    }

    private void checkEmails() {
        Map<String, Long> perRecipientAndSubject = emails().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        long twice = perRecipientAndSubject.values().stream().filter(count -> count > 1).count();
        findings.figure(perRecipientAndSubject.values().stream().mapToLong(Long::longValue).sum() + " emails to "
                + SUBSCRIPTIONS + " people, " + perRecipientAndSubject.size() + " distinct (person, subject)");
        findings.check(twice == 0, "nobody got the same email twice (" + twice + " did)");
        findings.check(recipientsWithTwoEmails() == SUBSCRIPTIONS,
                "everybody got the receipt and the survey invitation");
    }

    private long recipientsWithTwoEmails() {
        return emails().collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf('\n')),
                Collectors.toSet())).values().stream().filter(subjects -> subjects.size() >= 2).count();
    }

    /** "recipient\nsubject" of each email written for the people of this run. */
    private Stream<String> emails() {
        try (Stream<Path> files = Files.list(cluster.mailFolder())) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".eml")).toList()) {
                String text = Files.readString(file);
                String to = header(text, "To");
                if (to.contains("once-" + shop.run() + "-")) {
                    found.add(to + "\n" + header(text, "Subject"));
                }
            }
            return found.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether anything of this run is still to be sent: an outbox delivery, a webhook or a survey invitation. */
    private boolean nothingPending(String endpoint) throws SQLException {
        String ofThisRun = "SELECT id FROM subscription WHERE external_reference LIKE ?";
        try (Connection db = cluster.database(); PreparedStatement pending = db.prepareStatement(
                "SELECT (SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                        + "         WHERE d.status = 'PENDING' AND e.aggregate_id IN (SELECT id::text FROM ("
                        + ofThisRun + ") s))"
                        + "    + (SELECT count(*) FROM webhook_delivery"
                        + "         WHERE status = 'PENDING' AND endpoint_id = ?::uuid)"
                        + "    + (SELECT count(*) FROM survey_invitation i"
                        + "         JOIN cancellation c ON c.id = i.cancellation_id"
                        + "         WHERE i.status = 'SCHEDULED' AND c.subscription_id IN (" + ofThisRun + "))")) {
            pending.setString(1, subscriptionsOfThisRun());
            pending.setString(2, endpoint);
            pending.setString(3, subscriptionsOfThisRun());
            try (ResultSet rows = pending.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        }
    }

    private String subscriptionsOfThisRun() {
        return "sub\\_once-" + shop.run() + "-%";
    }

    /** How many SubscriptionEnded events each of this run's subscriptions has: 1 for all, or -1. */
    private long endedEventsEach() {
        try (Connection db = cluster.database(); PreparedStatement ended = db.prepareStatement(
                "SELECT count(e.id) FROM subscription s LEFT JOIN outbox_event e ON e.aggregate_id = s.id::text"
                        + " AND e.event_type = 'SubscriptionEnded' WHERE s.external_reference LIKE ? GROUP BY s.id")) {
            ended.setString(1, subscriptionsOfThisRun());
            List<Long> counts = new ArrayList<>();
            try (ResultSet rows = ended.executeQuery()) {
                while (rows.next()) {
                    counts.add(rows.getLong(1));
                }
            }
            findings.figure("SubscriptionEnded events per subscription: " + counts.stream().distinct().toList());
            return counts.size() == SUBSCRIPTIONS && counts.stream().allMatch(count -> count == 1) ? 1 : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reference(OperatorClient.Reply reply) {
        return reply.json().getString("reference", "?");
    }

    private static JsonObject json(Receiver.Received request) {
        return Json.createReader(new StringReader(request.text())).readObject();
    }

    private static String header(String message, String name) {
        return message.lines().filter(line -> line.startsWith(name + ": ")).findFirst()
                .map(line -> line.substring(name.length() + 2)).orElse("");
    }
}
