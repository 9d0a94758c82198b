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
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.webhook.control.WebhookProblem.Reason;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * An operator's webhook endpoints: registered, changed, switched off and on, removed, their secrets rotated. An
 * operator only ever finds its own; another's id is as unknown as one that never existed. A secret is handed out
 * once, when it is made. Each change is audited under whoever made it: the operator through the API, or an admin
 * of the portal on the operator's behalf.
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

    /** Registers an endpoint for the source's operator; an InvalidWebhookException names what cannot be used. */
    public WithSecret create(ChangeSource source, Request request) {
        List<WebhookProblem> problems = new ArrayList<>();
        String url = checkedUrl(request.url(), problems);
        List<String> events = checkedEvents(request.eventTypes(), problems);
        String description = checkedDescription(request.description(), problems);
        if (list(source.operator()).size() >= MAX_PER_OPERATOR) {
            problems.add(WebhookProblem.url(Reason.TOO_MANY_ENDPOINTS, String.valueOf(MAX_PER_OPERATOR)));
        }
        throwIfAny(problems);
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(source.operator().id(), url, description, events, secret,
                clock.instant());
        em.persist(endpoint);
        record(source, "WEBHOOK_ENDPOINT_CREATED", endpoint);
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

    public Optional<WebhookEndpoint> change(ChangeSource source, UUID id, Request request) {
        Optional<WebhookEndpoint> found = locked(source.operator(), id);
        found.ifPresent(endpoint -> {
            List<WebhookProblem> problems = new ArrayList<>();
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
                endpoint.disable(source.onBehalf() == null ? WebhookEndpoint.OFF_BY_OPERATOR
                        : WebhookEndpoint.OFF_BY + source.actor(), clock.instant());
            }
            record(source, "WEBHOOK_ENDPOINT_CHANGED", endpoint);
        });
        return found;
    }

    public boolean delete(ChangeSource source, UUID id) {
        Optional<WebhookEndpoint> found = locked(source.operator(), id);
        found.ifPresent(endpoint -> {
            em.remove(endpoint);
            record(source, "WEBHOOK_ENDPOINT_DELETED", endpoint);
        });
        return found.isPresent();
    }

    /** A new secret; the one before keeps signing for webhooks.rotation-grace. */
    public Optional<WithSecret> rotateSecret(ChangeSource source, UUID id) {
        return locked(source.operator(), id).map(endpoint -> {
            String secret = WebhookSignature.newSecret();
            endpoint.rotate(secret, settings.rotationGrace(), clock.instant());
            record(source, "WEBHOOK_SECRET_ROTATED", endpoint);
            return new WithSecret(endpoint, secret);
        });
    }

    private Optional<WebhookEndpoint> locked(OperatorAccount operator, UUID id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(found -> found.belongsTo(operator.id()));
    }

    private String checkedUrl(String url, List<WebhookProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(WebhookProblem.url(Reason.URL_MISSING, null));
            return null;
        }
        if (url.length() > 2000) {
            problems.add(WebhookProblem.url(Reason.URL_TOO_LONG, null));
            return null;
        }
        new WebhookTargets(settings.allowLoopback()).check(url).ifPresent(problems::add);
        return url;
    }

    private static List<String> checkedEvents(List<String> names, List<WebhookProblem> problems) {
        if (names == null || names.isEmpty()) {
            problems.add(new WebhookProblem("events", Reason.NO_EVENTS, null));
            return List.of();
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String name : names) {
            if (WebhookEventType.of(name).isEmpty()) {
                problems.add(new WebhookProblem("events", Reason.UNKNOWN_EVENT, name));
            } else {
                events.add(name);
            }
        }
        return List.copyOf(events);
    }

    private static String checkedDescription(String description, List<WebhookProblem> problems) {
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            problems.add(new WebhookProblem("description", Reason.DESCRIPTION_TOO_LONG,
                    String.valueOf(MAX_DESCRIPTION)));
        }
        return text;
    }

    private static void throwIfAny(List<WebhookProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidWebhookException(problems);
        }
    }

    private void record(ChangeSource source, String action, WebhookEndpoint endpoint) {
        audit.record(source.actor(), source.channel(), action, "WebhookEndpoint", endpoint.getId().toString(), null,
                null, source.onBehalf());
    }
}
