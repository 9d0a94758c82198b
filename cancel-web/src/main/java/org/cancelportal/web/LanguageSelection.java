package org.cancelportal.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language the person picked with the switch on every page; until they pick one, the browser's preference
 * decides (resolved by Faces against the supported locales).
 */
@Named
@SessionScoped
public class LanguageSelection implements Serializable {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Locale chosen;

    public static Optional<Locale> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(tag)).findFirst();
    }

    public void choose(Locale locale) {
        this.chosen = locale;
    }

    /** The chosen language, else the browser's preferred one among those supported. */
    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    /** The page being shown, in the other language: same address and query, with lang set. */
    public String linkTo(String language) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String forwardedUri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwardedUri != null ? forwardedUri : request.getRequestURI();
        String query = forwardedUri != null
                ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING) : request.getQueryString();
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.startsWith("lang=") && !pair.startsWith("expired="))
                .map(pair -> pair + "&")
                .collect(Collectors.joining());
        return uri + "?" + kept + "lang=" + language;
    }
}
