package org.cancelportal.insights.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cancelportal.insights.control.CancellationTotals;
import org.cancelportal.insights.control.FollowThrough;
import org.cancelportal.insights.control.InsightsFilter;
import org.cancelportal.insights.control.InsightsQueries;
import org.cancelportal.insights.control.InsightsSummary;
import org.cancelportal.insights.control.WeeklyTrend;

/** The dashboard: figures for one filter, each chart with a table of the same numbers. */
@Named("insights")
@RequestScoped
public class InsightsPage {

    @Inject
    InsightsQueries queries;

    @Inject
    FilterForm form;

    @Inject
    Labels labels;

    private InsightsSummary summary;

    public void load() {
        InsightsFilter filter = form.parse();
        summary = queries.summary(filter);
    }

    public InsightsSummary getSummary() {
        return summary;
    }

    public CancellationTotals getTotals() {
        return summary.cancellations();
    }

    public String getMedianJourney() {
        String median = summary.cancellations().medianJourney();
        return median == null ? null : labels.of("journey", median);
    }

    public FollowThrough getFollowThrough() {
        return summary.followThrough();
    }

    /** The median time from due to confirmed as paid, in words; null when none was paid. */
    public String getMedianTimeToRefund() {
        FollowThrough followThrough = summary.followThrough();
        return followThrough.medianTimeToRefund() == null ? null
                : labels.duration(followThrough.medianTimeToRefund());
    }

    /** How many paid refunds the median is the middle of, so one refund is not read as a trend. */
    public String getMedianTimeToRefundFrom() {
        return labels.format("insights.refunds.median.from", summary.followThrough().paid());
    }

    public List<ChartRow> getReasons() {
        return labels.rows("reason", summary.reasons());
    }

    public List<ChartRow> getTenure() {
        return labels.rows("tenure", summary.tenure());
    }

    public List<ChartRow> getJourney() {
        return labels.rows("journey", summary.cancellations().journey());
    }

    /** One small chart per reason, all on the same scale so they compare. */
    public List<TrendRow> getTrend() {
        WeeklyTrend trend = summary.trend();
        List<TrendRow> rows = new ArrayList<>();
        for (var reason : summary.reasons()) {
            rows.add(TrendRow.of(reason.key(), labels.of("reason", reason.key()), trend.counts(reason.key()),
                    trend.max()));
        }
        return rows;
    }

    public List<LocalDate> getWeeks() {
        return summary.trend().weeks();
    }
}
