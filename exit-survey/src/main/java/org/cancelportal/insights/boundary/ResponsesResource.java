package org.cancelportal.insights.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.insights.control.Cursor;
import org.cancelportal.insights.control.FilterChoices;
import org.cancelportal.insights.control.FilterParameters;
import org.cancelportal.insights.control.ResponseCsv;
import org.cancelportal.insights.control.ResponsePage;
import org.cancelportal.insights.control.ResponseQuery;
import org.cancelportal.insights.control.ResponseReader;
import org.cancelportal.insights.control.ResponseRow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Survey answers, newest first, by keyset pages (stable while new answers arrive) or as one CSV file. */
@Path("responses")
public class ResponsesResource {

    @Inject
    ResponseReader reader;

    @Inject
    FilterChoices choices;

    @Inject
    Clock clock;

    /** One page of answers and the cursor of the next. */
    public record PageBody(List<ResponseRow> items, String next) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answers matching the filters, newest first",
            description = "Pass 'next' from one page as 'after' to get the following page. Answers that arrive"
                    + " meanwhile are newer than every cursor, so no answer is skipped or repeated.")
    @APIResponse(responseCode = "200", description = "A page of answers")
    @APIResponse(responseCode = "400", description = "A parameter could not be used; each is named",
            content = @Content(mediaType = ProblemDetails.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No API key and no session")
    public Response page(@BeanParam FilterParameters filter, @BeanParam AnswerParameters answers,
                         @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("50")
                         String size) {
        List<FilterParameters.Problem> problems = new ArrayList<>();
        Optional<ResponseQuery> query = query(filter, answers, size, problems);
        if (query.isEmpty()) {
            return ProblemDetails.badParameters(problems.stream()
                    .map(problem -> ProblemDetails.parameter(problem.field(), problem.detail())).toList());
        }
        ResponsePage page = reader.page(query.get());
        return Response.ok(new PageBody(page.items(), page.next() == null ? null : page.next().token())).build();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "All answers matching the filters as CSV (UTF-8), streamed",
            description = "Cells a spreadsheet would run as a formula start with a quote. excel=true adds a byte order"
                    + " mark and CRLF line ends, so Excel shows every script and line break correctly.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", description = "A parameter could not be used; each is named",
            content = @Content(mediaType = ProblemDetails.MEDIA_TYPE))
    public Response export(@BeanParam FilterParameters filter, @BeanParam AnswerParameters answers,
                           @QueryParam("excel") @DefaultValue("false") boolean excel) {
        List<FilterParameters.Problem> problems = new ArrayList<>();
        Optional<ResponseQuery> query = query(filter, answers, "1", problems);
        if (query.isEmpty()) {
            return ProblemDetails.badParameters(problems.stream()
                    .map(problem -> ProblemDetails.parameter(problem.field(), problem.detail())).toList());
        }
        StreamingOutput body = out -> ResponseCsv.write(reader, query.get(), out, excel);
        String name = "exit-survey-answers-" + query.get().filter().from() + "-to-" + query.get().filter().to()
                + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
    }

    private Optional<ResponseQuery> query(FilterParameters filter, AnswerParameters answers, String size,
                                          List<FilterParameters.Problem> problems) {
        FilterParameters.Parsed parsed = filter.parse(clock, choices);
        problems.addAll(parsed.problems());
        Optional<Cursor> after = Cursor.parse(answers.after);
        if (answers.after != null && after.isEmpty()) {
            problems.add(new FilterParameters.Problem("after", "", "not a cursor from an earlier page"));
        }
        Boolean reviewed = answers.reviewed == null ? null : switch (answers.reviewed) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                problems.add(new FilterParameters.Problem("reviewed", "", "true or false"));
                yield null;
            }
        };
        int pageSize = 0;
        try {
            pageSize = Integer.parseInt(size);
        } catch (NumberFormatException ignored) {
            // reported below like any other size out of range
        }
        if (pageSize < 1 || pageSize > ResponseQuery.MAX_SIZE) {
            problems.add(new FilterParameters.Problem("size", "", "a whole number from 1 to " + ResponseQuery.MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResponseQuery(parsed.filter(), answers.search, reviewed, answers.tag,
                answers.withWords, after.orElse(null), pageSize));
    }

    /** What narrows answers beyond the dashboard's filter. */
    public static class AnswerParameters {
        @QueryParam("q")
        @Parameter(description = "Words to search for in comments and 'fair' answers (English and German)")
        String search;
        @QueryParam("reviewed")
        @Parameter(description = "true or false; all when absent")
        String reviewed;
        @QueryParam("tag")
        String tag;
        @QueryParam("withWords")
        @DefaultValue("false")
        @Parameter(description = "Only answers that wrote something")
        boolean withWords;
        @QueryParam("after")
        @Parameter(description = "The 'next' cursor of the previous page")
        String after;
    }
}
