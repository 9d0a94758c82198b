package org.cancelportal.webhook.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operator.control.Operators;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.webhook.control.WebhookEndpoints;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * The operator and endpoint an admin page of one endpoint is about, from the request: the address
 * (?operator=code&amp;id=uuid) of a page, the hidden fields of its forms. Read as the request starts, not as view
 * parameters, which reach a bean only after a postback's buttons were decoded: a button shown only for this endpoint
 * would never be pressed. Only that operator's own endpoint is found, so a wrong pair is as unknown as a made-up one.
 */
@Named("chosenEndpoint")
@RequestScoped
public class ChosenEndpoint {

    @Inject
    Operators operators;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String operator;
    private String id;
    private WebhookEndpoint endpoint;

    @PostConstruct
    void fromRequest() {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        operator = parameters.get("operator");
        id = parameters.get("id");
    }

    public Optional<OperatorAccount> account() {
        return operator == null || operator.isBlank() ? Optional.empty() : operators.byCode(operator);
    }

    public Optional<UUID> uuid() {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<WebhookEndpoint> endpoint() {
        if (endpoint == null) {
            endpoint = account().flatMap(account -> uuid().flatMap(known -> endpoints.find(account, known)))
                    .orElse(null);
        }
        return Optional.ofNullable(endpoint);
    }

    /** The signed-in admin acting for the operator, for the audit trail. */
    public Optional<ChangeSource> source() {
        return account().map(account -> ChangeSource.admin(account, security.getCallerPrincipal().getName()));
    }

    /** The address of a page of this endpoint, such as "/admin/webhook-log". */
    public String path(String page) {
        return path(page, operator, uuid().map(UUID::toString).orElse(""));
    }

    static String path(String page, String operatorCode, String endpointId) {
        return page + "?operator=" + URLEncoder.encode(operatorCode, StandardCharsets.UTF_8) + "&id=" + endpointId;
    }

    public String getOperator() {
        return operator;
    }

    public String getId() {
        return id;
    }
}
