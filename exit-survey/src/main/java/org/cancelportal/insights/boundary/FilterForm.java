package org.cancelportal.insights.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.cancelportal.insights.control.FilterChoices;
import org.cancelportal.insights.control.FilterParameters;
import org.cancelportal.insights.control.InsightsFilter;

/**
 * The filter of the product team's pages, read from the link (so a view can be bookmarked and shared). A value that
 * cannot be used is named in a message and left out; the page still shows everything else. View scoped, so the
 * filter of the link stays in force for the buttons on the page.
 */
@Named("filter")
@ViewScoped
public class FilterForm implements Serializable {

    @Inject
    FilterChoices choices;

    @Inject
    Labels labels;

    @Inject
    Clock clock;

    /** One entry of a select box. */
    public record Option(String value, String label, boolean selected) implements Serializable {
    }

    private final FilterParameters parameters = new FilterParameters();
    private InsightsFilter filter;
    private Map<String, FilterChoices.PlanCode> plans;

    InsightsFilter parse() {
        FilterParameters.Parsed parsed = parameters.parse(clock, choices);
        FacesContext faces = FacesContext.getCurrentInstance();
        parsed.problems().forEach(problem -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                labels.word(problem.messageKey()).replace("{field}", labels.word("insights.filter." + problem.field())),
                null)));
        filter = parsed.filter();
        return filter;
    }

    public FilterParameters getParameters() {
        return parameters;
    }

    /** The filter in use, after corrections, to fill the form's fields. */
    public InsightsFilter getApplied() {
        return filter;
    }

    /**
     * The plan's name as customers know it, or its code when the plan is gone; a code that several plans have (of
     * several operators) says so, as its figures count them together.
     */
    public String planName(String code) {
        FilterChoices.PlanCode plan = plans().get(code);
        if (plan == null) {
            return code;
        }
        String names = String.join(" / ", plan.names());
        return plan.plans() == 1 ? names : labels.word("insights.filter.plan.several")
                .replace("{names}", names).replace("{code}", code).replace("{plans}", String.valueOf(plan.plans()));
    }

    private Map<String, FilterChoices.PlanCode> plans() {
        if (plans == null) {
            plans = choices.plans();
        }
        return plans;
    }

    public List<Option> getPlans() {
        return plans().keySet().stream()
                .map(code -> new Option(code, planName(code), code.equals(filter.plan()))).toList();
    }

    public List<Option> getTenureBands() {
        return options("tenure", choices.tenureBands(), filter.tenureBand());
    }

    public List<Option> getChannels() {
        return options("channel", choices.channels(), filter.channel());
    }

    public List<Option> getLanguages() {
        return options("language", choices.languages(), filter.language());
    }

    public List<Option> getReasons() {
        return options("reason", choices.reasons(), filter.reason());
    }

    private List<Option> options(String group, List<String> values, String selected) {
        return values.stream().map(value -> new Option(value, labels.of(group, value), value.equals(selected)))
                .toList();
    }

    /** The applied filter as a query string, for links to the answers, the export and back. */
    public String getQuery() {
        StringBuilder query = new StringBuilder("from=").append(filter.from()).append("&to=").append(filter.to());
        append(query, "plan", filter.plan());
        append(query, "tenure", filter.tenureBand());
        append(query, "channel", filter.channel());
        append(query, "language", filter.language());
        append(query, "reason", filter.reason());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
