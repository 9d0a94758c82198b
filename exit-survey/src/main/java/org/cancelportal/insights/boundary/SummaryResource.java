package org.cancelportal.insights.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.insights.control.CancellationTotals;
import org.cancelportal.insights.control.FilterChoices;
import org.cancelportal.insights.control.FilterParameters;
import org.cancelportal.insights.control.FollowThrough;
import org.cancelportal.insights.control.InsightsFilter;
import org.cancelportal.insights.control.InsightsQueries;
import org.cancelportal.insights.control.InsightsSummary;
import org.cancelportal.insights.control.Share;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The dashboard's figures as JSON. */
@Path("insights/summary")
public class SummaryResource {

    @Inject
    InsightsQueries queries;

    @Inject
    FilterChoices choices;

    @Inject
    Clock clock;

    /**
     * Shares are fractions (0.25 is a quarter); the weekly counts have one entry per week in 'weeks'. withdrawals are
     * counted beside the cancellations, not among them.
     */
    public record SummaryBody(InsightsFilter filter, long cancelled, long undone, double undoRate, long invited,
                              long responded, double responseRate, long responses, List<Share> reasons,
                              List<Share> tenure, List<Share> journey, String medianJourney, List<LocalDate> weeks,
                              Map<String, long[]> weeklyAnswersByReason, FollowThroughBody followThrough,
                              long withdrawals) {

        static SummaryBody of(InsightsSummary summary) {
            CancellationTotals totals = summary.cancellations();
            return new SummaryBody(summary.filter(), totals.cancelled(), totals.undone(), totals.undoRate(),
                    totals.invited(), totals.responded(), totals.responseRate(), summary.responses(),
                    summary.reasons(), summary.tenure(), totals.journey(), totals.medianJourney(),
                    summary.trend().weeks(), summary.trend().countsByReason(),
                    FollowThroughBody.of(summary.followThrough()), summary.withdrawals());
        }
    }

    /**
     * What became of the refunds and renewals of the period's cancellations, as things stand now (the reason does not
     * narrow them). medianTimeToRefund is an ISO 8601 duration from due to confirmed as paid, the middle of
     * medianFromPaid refunds; it is left out when none was paid.
     */
    public record FollowThroughBody(long refunds, long due, long paidOnTime, long paidLate, long overdue, long failed,
                                    String medianTimeToRefund, long medianFromPaid, long renewalsHeldBack) {

        static FollowThroughBody of(FollowThrough figures) {
            return new FollowThroughBody(figures.refunds(), figures.due(), figures.paidOnTime(), figures.paidLate(),
                    figures.overdue(), figures.failed(),
                    figures.medianTimeToRefund() == null ? null : figures.medianTimeToRefund().toString(),
                    figures.paid(), figures.renewalsHeldBack());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancellations, undo and response rates, reasons, weekly trend, tenure, time to cancel and"
            + " what became of the refunds and renewals",
            description = "Defaults to the last 90 days. The reason narrows the answers only: anonymous answers are"
                    + " not linked to a cancellation, so cancellation figures are never split by reason.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "A parameter could not be used; each is named",
            content = @Content(mediaType = ProblemDetails.MEDIA_TYPE))
    public Response summary(@BeanParam FilterParameters filter) {
        FilterParameters.Parsed parsed = filter.parse(clock, choices);
        if (!parsed.problems().isEmpty()) {
            return ProblemDetails.badParameters(parsed.problems().stream()
                    .map(problem -> ProblemDetails.parameter(problem.field(), problem.detail())).toList());
        }
        return Response.ok(SummaryBody.of(queries.summary(parsed.filter()))).build();
    }
}
