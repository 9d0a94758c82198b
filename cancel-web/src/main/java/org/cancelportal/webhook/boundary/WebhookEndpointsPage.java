package org.cancelportal.webhook.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operator.control.Operators;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
import org.cancelportal.webhook.control.InvalidWebhookException;
import org.cancelportal.webhook.control.WebhookEndpoints;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * /admin/webhooks?operator=code: an operator's webhook endpoints, and a form to register one for it. The new
 * endpoint's secret is shown once, on the endpoint's own page right after.
 */
@Named("webhookEndpoints")
@RequestScoped
public class WebhookEndpointsPage {

    /** One endpoint as the list shows it. */
    public record Row(String id, String url, String description, String events, boolean enabled, String state,
                      String created) {
    }

    @Inject
    Operators operators;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookWords words;

    @Inject
    SecretOnce secretOnce;

    @Inject
    SecurityContext security;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    @Inject
    FacesContext faces;

    /** From the request, not a view parameter: the register button is decoded before view parameters are set. */
    private String operator;
    private String done;
    private String url;
    private String description;
    private List<String> events = new ArrayList<>();
    private Map<String, String> problems = new LinkedHashMap<>();
    private List<Row> rows;

    @PostConstruct
    void fromRequest() {
        operator = faces.getExternalContext().getRequestParameterMap().get("operator");
    }

    public void load() {
        if (operator != null && !operator.isBlank() && account().isEmpty()) {
            messages.error("admin.webhooks.unknown-operator");
        }
        if ("deleted".equals(done)) {
            messages.info("admin.webhooks.done.deleted");
        }
    }

    @RolesAllowed("admin")
    public void register() {
        Optional<OperatorAccount> account = account();
        if (account.isEmpty()) {
            messages.error("admin.webhooks.unknown-operator");
            return;
        }
        try {
            WebhookEndpoints.WithSecret created = endpoints.create(
                    ChangeSource.admin(account.get(), security.getCallerPrincipal().getName()),
                    new WebhookEndpoints.Request(url, description, events, null));
            secretOnce.hand(created.secret(), "created");
            navigation.redirect(WebhookEndpointPage.path(account.get().code(), created.endpoint().getId()));
        } catch (InvalidWebhookException e) {
            problems = words.problems(e);
            messages.error("admin.webhooks.nothing-changed");
        }
    }

    private Optional<OperatorAccount> account() {
        return operator == null || operator.isBlank() ? Optional.empty() : operators.byCode(operator);
    }

    /** Where this page lists the operator's endpoints. */
    static String path(String operatorCode) {
        return "/admin/webhooks?operator=" + URLEncoder.encode(operatorCode, StandardCharsets.UTF_8);
    }

    public List<OperatorAccount> getOperators() {
        return operators.all();
    }

    /** The chosen operator, or null before one is chosen. */
    public OperatorAccount getAccount() {
        return account().orElse(null);
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = account().map(endpoints::list).orElse(List.of()).stream().map(this::row).toList();
        }
        return rows;
    }

    private Row row(WebhookEndpoint endpoint) {
        return new Row(endpoint.getId().toString(), endpoint.getUrl(), endpoint.getDescription(),
                words.events(endpoint.getEventTypes()), endpoint.isEnabled(), words.state(endpoint),
                words.time(endpoint.getCreatedAt()));
    }

    public List<WebhookWords.Event> getEventChoices() {
        return words.events();
    }

    public Map<String, String> getProblems() {
        return problems;
    }

    public String getOperator() {
        return operator;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }
}
