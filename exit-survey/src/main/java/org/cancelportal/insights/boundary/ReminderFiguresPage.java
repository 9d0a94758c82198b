package org.cancelportal.insights.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cancelportal.insights.control.ReminderFigures;
import org.cancelportal.insights.control.ReminderQueries;

/** The dashboard's reminders and notices: how many went out per kind, and the cancellations in the week after. */
@Named("reminderFigures")
@RequestScoped
public class ReminderFiguresPage {

    /** The kinds in the order the page lists them (NoticeKind's names, as stored). */
    static final List<String> KINDS = List.of("TRIAL_CONVERSION", "ANNUAL_RENEWAL", "UK_SIX_MONTHLY", "UK_COOLING_OFF",
            "PRICE_CHANGE");

    @Inject
    ReminderQueries queries;

    @Inject
    FilterForm filter;

    @Inject
    Labels labels;

    private ReminderFigures figures;

    /** One line per kind: its words and how many were sent. */
    public record Line(String kind, String label, String count) {
    }

    private ReminderFigures figures() {
        if (figures == null) {
            figures = queries.read(filter.getApplied());
        }
        return figures;
    }

    public List<Line> getLines() {
        return KINDS.stream().map(kind -> new Line(kind, labels.word("reminders.kind." + kind),
                labels.count(figures().sentByKind().getOrDefault(kind, 0L)))).toList();
    }

    public String getSent() {
        return labels.count(figures().sent());
    }

    public String getCancellationsWithinWeek() {
        return labels.count(figures().cancellationsWithinWeek());
    }
}
