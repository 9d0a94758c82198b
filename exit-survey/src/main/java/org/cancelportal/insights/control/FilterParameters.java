package org.cancelportal.insights.control;

import jakarta.ws.rs.QueryParam;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filter as it arrives in a link or an API call: text, possibly wrong. It becomes an {@link InsightsFilter} with
 * a list of problems; a wrong value is named and left out, so the rest of the page still answers the question.
 */
public class FilterParameters implements Serializable {

    /** The longest period one request may cover; enough for a few years' comparison. */
    public static final int MAX_DAYS = 3 * 366;

    @QueryParam("from")
    private String from;
    @QueryParam("to")
    private String to;
    @QueryParam("plan")
    private String plan;
    @QueryParam("tenure")
    private String tenure;
    @QueryParam("channel")
    private String channel;
    @QueryParam("language")
    private String language;
    @QueryParam("reason")
    private String reason;

    /** A field whose value could not be used, with the key of the message that says why. */
    public record Problem(String field, String messageKey, String detail) {
    }

    public record Parsed(InsightsFilter filter, List<Problem> problems) {
    }

    /** Parsed against today in UTC, the time zone of the daily figures. */
    public Parsed parse(Clock clock, FilterChoices choices) {
        return parse(LocalDate.now(clock.withZone(ZoneOffset.UTC)), choices);
    }

    public Parsed parse(LocalDate today, FilterChoices choices) {
        List<Problem> problems = new ArrayList<>();
        LocalDate end = date("to", to, problems, today);
        LocalDate start = date("from", from, problems, end.minusDays(InsightsFilter.DEFAULT_DAYS - 1L));
        if (start.isAfter(end)) {
            problems.add(new Problem("from", "insights.problem.period-reversed", "from is after to"));
            start = end.minusDays(InsightsFilter.DEFAULT_DAYS - 1L);
        } else if (start.plusDays(MAX_DAYS).isBefore(end)) {
            problems.add(new Problem("from", "insights.problem.period-too-long", "at most " + MAX_DAYS + " days"));
            start = end.minusDays(MAX_DAYS);
        }
        Map<String, FilterChoices.PlanCode> plans = choices.plans();
        return new Parsed(new InsightsFilter(start, end,
                known("plan", plan, plans.keySet().stream().toList(), problems),
                known("tenure", tenure, choices.tenureBands(), problems),
                known("channel", channel, choices.channels(), problems),
                known("language", language, choices.languages(), problems),
                known("reason", reason, choices.reasons(), problems)), List.copyOf(problems));
    }

    private static LocalDate date(String field, String value, List<Problem> problems, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "insights.problem.date", "not a date as YYYY-MM-DD: " + value));
            return fallback;
        }
    }

    private static String known(String field, String value, List<String> allowed, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (allowed.contains(value.strip())) {
            return value.strip();
        }
        problems.add(new Problem(field, "insights.problem.unknown", "not one of " + allowed));
        return null;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getTenure() {
        return tenure;
    }

    public void setTenure(String tenure) {
        this.tenure = tenure;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
