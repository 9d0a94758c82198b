package org.cancelportal.portalsession.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/** The way back to the operator's site, for people who came from there through a portal session. */
@Named("operatorReturn")
@RequestScoped
public class OperatorReturn {

    static final String ATTRIBUTE = OperatorReturn.class.getName();

    /** Kept in the session: the operator's name and the checked return URL. */
    public record Target(String operatorName, String url) implements Serializable {
    }

    @Inject
    HttpServletRequest request;

    public Optional<Target> target() {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session).map(s -> s.getAttribute(ATTRIBUTE)).map(Target.class::cast);
    }

    public boolean isPresent() {
        return target().isPresent();
    }

    public String getOperatorName() {
        return target().map(Target::operatorName).orElse("");
    }

    public String getUrl() {
        return target().map(Target::url).orElse("");
    }
}
