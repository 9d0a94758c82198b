package org.cancelportal.insights.control;

import java.util.List;

/**
 * Everything the dashboard shows for one filter. withdrawals: contracts withdrawn from in the period, beside the
 * cancellations and never counted among them.
 */
public record InsightsSummary(InsightsFilter filter, CancellationTotals cancellations, long responses,
                              List<Share> reasons, WeeklyTrend trend, List<Share> tenure,
                              FollowThrough followThrough, long withdrawals) {
}
