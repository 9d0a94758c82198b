package org.cancelportal.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operatordata.control.FieldProblem;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * An operator's webhook endpoints: registered, changed, switched off and on, removed, their secrets rotated. An
 * operator only ever finds its own; another's id is as unknown as one that never existed. A secret is handed out
 * once, when it is made.
 */
@ApplicationScoped
@Transactional
public class WebhookEndpoints {

    static final int MAX_PER_OPERATOR = 20;
    static final int MAX_DESCRIPTION = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** What an operator asks an endpoint to be; null fields of a change keep what the endpoint has. */
    public record Request(String url, String description, List<String> eventTypes, Boolean enabled) {
    }

    /** An endpoint with the secret it was just given, the only time that secret is shown. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    public WithSecret create(OperatorAccount operator, Request request) {
        List<FieldProblem> problems = new ArrayList<>();
        String url = checkedUrl(request.url(), problems);
        List<String> events = checkedEvents(request.eventTypes(), problems);
        String description = checkedDescription(request.description(), problems);
        if (list(operator).size() >= MAX_PER_OPERATOR) {
            problems.add(new FieldProblem("url", "You have " + MAX_PER_OPERATOR + " endpoints already; remove one"
                    + " you no longer use first."));
        }
        throwIfAny(problems);
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(operator.id(), url, description, events, secret,
                clock.instant());
        em.persist(endpoint);
        record(operator, "WEBHOOK_ENDPOINT_CREATED", endpoint);
        return new WithSecret(endpoint, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookEndpoint> list(OperatorAccount operator) {
        return em.createQuery("select e from WebhookEndpoint e where e.operatorId = :operator order by e.createdAt,"
                        + " e.id", WebhookEndpoint.class)
                .setParameter("operator", operator.id()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookEndpoint> find(OperatorAccount operator, UUID id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id)).filter(found -> found.belongsTo(operator.id()));
    }

    public Optional<WebhookEndpoint> change(OperatorAccount operator, UUID id, Request request) {
        Optional<WebhookEndpoint> found = locked(operator, id);
        found.ifPresent(endpoint -> {
            List<FieldProblem> problems = new ArrayList<>();
            String url = request.url() == null ? endpoint.getUrl() : checkedUrl(request.url(), problems);
            List<String> events = request.eventTypes() == null ? endpoint.getEventTypes()
                    : checkedEvents(request.eventTypes(), problems);
            String description = request.description() == null ? endpoint.getDescription()
                    : checkedDescription(request.description(), problems);
            throwIfAny(problems);
            endpoint.change(url, description, events, clock.instant());
            if (Boolean.TRUE.equals(request.enabled())) {
                endpoint.enable(clock.instant());
            } else if (Boolean.FALSE.equals(request.enabled())) {
                endpoint.disable("Switched off by the operator", clock.instant());
            }
            record(operator, "WEBHOOK_ENDPOINT_CHANGED", endpoint);
        });
        return found;
    }

    public boolean delete(OperatorAccount operator, UUID id) {
        Optional<WebhookEndpoint> found = locked(operator, id);
        found.ifPresent(endpoint -> {
            em.remove(endpoint);
            record(operator, "WEBHOOK_ENDPOINT_DELETED", endpoint);
        });
        return found.isPresent();
    }

    /** A new secret; the one before keeps signing for webhooks.rotation-grace. */
    public Optional<WithSecret> rotateSecret(OperatorAccount operator, UUID id) {
        return locked(operator, id).map(endpoint -> {
            String secret = WebhookSignature.newSecret();
            endpoint.rotate(secret, settings.rotationGrace(), clock.instant());
            record(operator, "WEBHOOK_SECRET_ROTATED", endpoint);
            return new WithSecret(endpoint, secret);
        });
    }

    private Optional<WebhookEndpoint> locked(OperatorAccount operator, UUID id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(found -> found.belongsTo(operator.id()));
    }

    private String checkedUrl(String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem("url", "Give the https URL deliveries should go to."));
            return null;
        }
        if (url.length() > 2000) {
            problems.add(new FieldProblem("url", "A URL of at most 2,000 characters, please."));
            return null;
        }
        new WebhookTargets(settings.allowLoopback()).problem(url)
                .ifPresent(problem -> problems.add(new FieldProblem("url", problem)));
        return url;
    }

    private static List<String> checkedEvents(List<String> names, List<FieldProblem> problems) {
        if (names == null || names.isEmpty()) {
            problems.add(new FieldProblem("events", "Name at least one event: " + allEvents() + "."));
            return List.of();
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String name : names) {
            if (WebhookEventType.of(name).isEmpty()) {
                problems.add(new FieldProblem("events", "'" + name + "' is not an event. Events: " + allEvents()
                        + "."));
            } else {
                events.add(name);
            }
        }
        return List.copyOf(events);
    }

    private static String checkedDescription(String description, List<FieldProblem> problems) {
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "At most " + MAX_DESCRIPTION + " characters, please."));
        }
        return text;
    }

    private static String allEvents() {
        return String.join(", ", java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName)
                .toList());
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private void record(OperatorAccount operator, String action, WebhookEndpoint endpoint) {
        audit.record(operator.actor(), Channel.API, action, "WebhookEndpoint", endpoint.getId().toString(), null,
                null, null);
    }
}
