package org.cancelportal.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.QueryParam;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.insights.control.FilterParameters.Parsed;
import org.cancelportal.insights.control.FilterParameters.Problem;
import org.cancelportal.survey.boundary.InvitationEmail;
import org.junit.jupiter.api.Test;

/**
 * The filter as a product person's link or an API call gives it. A wrong value must be named, so the person can
 * correct it and the API can refuse the call, and must be left out rather than break the page: the rest of the
 * filter still applies. Today is passed in, so the defaults are checked against a known day.
 */
class FilterParametersTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    /** TODAY and the 89 days before it. */
    private static final LocalDate NINETY_DAYS_AGO = LocalDate.parse("2026-08-26");

    /** Plans as the database lists them, by name; the other facets as the application offers them. */
    private static final FilterChoices CHOICES = new FilterChoices() {
        @Override
        public Map<String, PlanCode> plans() {
            Map<String, PlanCode> plans = new LinkedHashMap<>();
            plans.put("basic", new PlanCode("basic", List.of("Basic"), 1));
            plans.put("premium", new PlanCode("premium", List.of("Premium", "Premium Plus"), 2));
            return plans;
        }

        @Override
        public List<String> reasons() {
            return List.of("too_expensive", "unused", "other");
        }
    };

    @Test
    void withoutParametersTheNinetyDaysUpToTodayAreShownWithNothingNarrowed() {
        assertParsed(period(NINETY_DAYS_AGO, TODAY), List.of(), parsed());
    }

    /** The daily figures count UTC days, so "today" is the UTC date, not the date where the server's clock is set. */
    @Test
    void todayIsTheUtcDateWhateverTheClocksTimeZone() {
        Clock lateInBerlin = Clock.fixed(Instant.parse("2026-11-23T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        Clock earlyInLosAngeles = Clock.fixed(Instant.parse("2026-11-23T00:30:00Z"),
                ZoneId.of("America/Los_Angeles"));

        assertEquals(period(NINETY_DAYS_AGO, TODAY), new FilterParameters().parse(lateInBerlin, CHOICES).filter());
        assertEquals(period(NINETY_DAYS_AGO, TODAY),
                new FilterParameters().parse(earlyInLosAngeles, CHOICES).filter());
    }

    @Test
    void aGivenPeriodIsShownAsGivenBothDaysIncluded() {
        assertParsed(period("2026-01-01", "2026-03-31"), List.of(), parsed("from", "2026-01-01", "to", "2026-03-31"));
        assertParsed(period("2026-02-28", "2026-02-28"), List.of(), parsed("from", "2026-02-28", "to", "2026-02-28"));
        assertParsed(period("2024-02-29", "2024-03-01"), List.of(), parsed("from", "2024-02-29", "to", "2024-03-01"));
    }

    @Test
    void onlyAnEndShowsTheNinetyDaysUpToIt() {
        assertParsed(period("2026-04-02", "2026-06-30"), List.of(), parsed("to", "2026-06-30"));
    }

    @Test
    void onlyAStartShowsFromThereUpToToday() {
        assertParsed(period("2026-10-01", "2026-11-23"), List.of(), parsed("from", "2026-10-01"));
        assertParsed(period("2026-11-23", "2026-11-23"), List.of(), parsed("from", "2026-11-23"));
    }

    /** A date pasted into the link with spaces around it is still the date the person meant. */
    @Test
    void spacesAroundADateAreIgnored() {
        assertParsed(period("2026-01-01", "2026-03-31"), List.of(),
                parsed("from", " 2026-01-01", "to", "2026-03-31 \t"));
    }

    /** An emptied field of the form arrives as an empty parameter: it means "not given", not a mistake. */
    @Test
    void anEmptyOrBlankDateCountsAsNotGiven() {
        for (String blank : List.of("", " ", "\t", " \n ")) {
            assertParsed(period(NINETY_DAYS_AGO, TODAY), List.of(), parsed("from", blank, "to", blank));
        }
    }

    /** Only YYYY-MM-DD of a day that exists; the detail quotes the value as it came, for the API's caller. */
    @Test
    void aStartThatIsNotADateIsNamedAndTheNinetyDaysUpToTheEndShownInstead() {
        for (String wrong : notDates()) {
            assertParsed(period("2026-04-02", "2026-06-30"),
                    List.of(new Problem("from", "insights.problem.date", "not a date as YYYY-MM-DD: " + wrong)),
                    parsed("from", wrong, "to", "2026-06-30"));
        }
    }

    @Test
    void anEndThatIsNotADateIsNamedAndTodayUsedInstead() {
        for (String wrong : notDates()) {
            assertParsed(period("2026-10-01", "2026-11-23"),
                    List.of(new Problem("to", "insights.problem.date", "not a date as YYYY-MM-DD: " + wrong)),
                    parsed("from", "2026-10-01", "to", wrong));
            assertParsed(period(NINETY_DAYS_AGO, TODAY),
                    List.of(new Problem("to", "insights.problem.date", "not a date as YYYY-MM-DD: " + wrong)),
                    parsed("to", wrong));
        }
    }

    @Test
    void twoWrongDatesAreEachNamedEndFirstAndTheDefaultPeriodShown() {
        assertParsed(period(NINETY_DAYS_AGO, TODAY),
                List.of(new Problem("to", "insights.problem.date", "not a date as YYYY-MM-DD: later"),
                        new Problem("from", "insights.problem.date", "not a date as YYYY-MM-DD: sooner")),
                parsed("from", "sooner", "to", "later"));
    }

    /** The end is trusted over the start: the person sees the ninety days up to the day they asked to end on. */
    @Test
    void aPeriodThatStartsAfterItEndsIsNamedAndTheNinetyDaysUpToItsEndShownInstead() {
        assertParsed(period("2026-04-02", "2026-06-30"),
                List.of(new Problem("from", "insights.problem.period-reversed", "from is after to")),
                parsed("from", "2026-07-01", "to", "2026-06-30"));
    }

    @Test
    void aStartAfterTodayWithoutAnEndIsAPeriodThatStartsAfterItEnds() {
        assertParsed(period(NINETY_DAYS_AGO, TODAY),
                List.of(new Problem("from", "insights.problem.period-reversed", "from is after to")),
                parsed("from", "2026-11-24"));
    }

    @Test
    void aWrongEndAndAStartAfterTodayAreBothNamed() {
        assertParsed(period(NINETY_DAYS_AGO, TODAY),
                List.of(new Problem("to", "insights.problem.date", "not a date as YYYY-MM-DD: 2026-11-31"),
                        new Problem("from", "insights.problem.period-reversed", "from is after to")),
                parsed("from", "2026-12-01", "to", "2026-11-31"));
    }

    /** {@value FilterParameters#MAX_DAYS} days from the start to the end, so MAX_DAYS + 1 days counted. */
    @Test
    void aStartUpToMaxDaysBeforeTheEndIsKept() {
        LocalDate end = LocalDate.parse("2026-06-30");
        LocalDate start = end.minusDays(FilterParameters.MAX_DAYS);

        assertEquals(LocalDate.parse("2023-06-28"), start);
        assertParsed(period(start, end), List.of(), parsed("from", start.toString(), "to", end.toString()));
    }

    @Test
    void aStartFurtherBackIsNamedAndMovedToMaxDaysBeforeTheEnd() {
        for (String start : List.of("2023-06-27", "1970-01-01", "0001-01-01")) {
            assertParsed(period("2023-06-28", "2026-06-30"),
                    List.of(new Problem("from", "insights.problem.period-too-long", "at most 1098 days")),
                    parsed("from", start, "to", "2026-06-30"));
        }
    }

    @Test
    void eachKnownCodeNarrowsItsFacet() {
        assertParsed(new InsightsFilter(NINETY_DAYS_AGO, TODAY, "premium", "1_to_6_months", "SUPPORT", "de",
                "unused"), List.of(), parsed("plan", "premium", "tenure", "1_to_6_months", "channel", "SUPPORT",
                "language", "de", "reason", "unused"));
    }

    @Test
    void spacesAroundACodeAreIgnored() {
        assertParsed(new InsightsFilter(NINETY_DAYS_AGO, TODAY, "basic", "over_2_years", "WEB", "en", "other"),
                List.of(), parsed("plan", " basic", "tenure", "over_2_years ", "channel", "\tWEB", "language",
                        " en ", "reason", "other\n"));
    }

    /** The form's "All" sends an empty value. */
    @Test
    void anEmptyOrBlankCodeMeansAll() {
        for (String blank : List.of("", " ", "\t")) {
            assertParsed(period(NINETY_DAYS_AGO, TODAY), List.of(), parsed("plan", blank, "tenure", blank,
                    "channel", blank, "language", blank, "reason", blank));
        }
    }

    /**
     * Codes are compared exactly: a code in the wrong case, a label instead of a code or a whole locale is not
     * guessed at. The detail lists what would have been accepted, which is all an API caller needs to correct it.
     */
    @Test
    void anUnknownCodeIsNamedWithTheCodesAllowedAndAllShownInstead() {
        assertUnknown("plan", List.of("gold", "Basic", "BASIC", "basic premium"), "not one of [basic, premium]");
        assertUnknown("tenure", List.of("3_months", "under 1 month", "Under_1_Month"),
                "not one of [under_1_month, 1_to_6_months, 6_to_12_months, 1_to_2_years, over_2_years]");
        assertUnknown("channel", List.of("web", "EMAIL", "PUBLIC FORM"),
                "not one of [WEB, SUPPORT, PUBLIC_FORM, API, SYSTEM]");
        assertUnknown("language", List.of("fr", "EN", "de-AT", "de_DE"), "not one of [en, de]");
        assertUnknown("reason", List.of("too expensive", "It's too expensive", "none"),
                "not one of [too_expensive, unused, other]");
    }

    @Test
    void aWrongCodeLeavesTheOtherFacetsNarrowed() {
        assertParsed(new InsightsFilter(NINETY_DAYS_AGO, TODAY, null, "under_1_month", null, "de", null),
                List.of(new Problem("plan", "insights.problem.unknown", "not one of [basic, premium]"),
                        new Problem("channel", "insights.problem.unknown",
                                "not one of [WEB, SUPPORT, PUBLIC_FORM, API, SYSTEM]")),
                parsed("plan", "gold", "tenure", "under_1_month", "channel", "fax", "language", "de"));
    }

    @Test
    void everyWrongValueIsNamedOnceEndAndStartFirstThenTheFacetsInTheFormsOrder() {
        Parsed parsed = parsed("from", "x", "to", "y", "plan", "x", "tenure", "x", "channel", "x", "language", "x",
                "reason", "x");

        assertEquals(List.of("to", "from", "plan", "tenure", "channel", "language", "reason"),
                parsed.problems().stream().map(Problem::field).toList());
        assertEquals(period(NINETY_DAYS_AGO, TODAY), parsed.filter());
    }

    /** The API reports each problem under the name of the query parameter, so it must be the name the caller sent. */
    @Test
    void eachProblemIsNamedAfterTheQueryParameterThatCarriedTheWrongValue() throws Exception {
        List<String> names = new ArrayList<>();
        for (Field field : FilterParameters.class.getDeclaredFields()) {
            QueryParam parameter = field.getAnnotation(QueryParam.class);
            if (parameter == null) {
                continue;
            }
            names.add(parameter.value());
            FilterParameters parameters = new FilterParameters();
            field.setAccessible(true);
            field.set(parameters, "no such value");

            assertEquals(List.of(parameter.value()), parameters.parse(TODAY, CHOICES).problems().stream()
                    .map(Problem::field).toList(), parameter::value);
        }
        assertEquals(Set.of("from", "to", "plan", "tenure", "channel", "language", "reason"), Set.copyOf(names));
        assertEquals(7, names.size());
    }

    /**
     * The page shows the message of the problem's key with {field} replaced by the field's label. Each file is read
     * on its own: through ResourceBundle a key missing in German would be found in the English parent.
     */
    @Test
    void everyProblemHasAMessageInEnglishAndGermanThatNamesItsField() throws Exception {
        List<Problem> problems = new ArrayList<>(parsed("from", "x", "to", "y", "plan", "x", "tenure", "x",
                "channel", "x", "language", "x", "reason", "x").problems());
        problems.addAll(parsed("from", "2026-12-01").problems());
        problems.addAll(parsed("from", "2000-01-01").problems());
        assertEquals(4, problems.stream().map(Problem::messageKey).distinct().count(), "every kind of problem");

        for (String file : List.of("messages.properties", "messages_de.properties")) {
            ResourceBundle words = wordsIn(file);
            for (Problem problem : problems) {
                String where = file + " " + problem;
                assertTrue(words.containsKey(problem.messageKey()), where);
                assertTrue(words.getString(problem.messageKey()).contains("{field}"), where);
                assertTrue(words.containsKey("insights.filter." + problem.field()), where);
            }
        }
    }

    @Test
    void theMessageAPersonReadsSaysWhatWasWrongAndWhatIsShownInstead() throws Exception {
        ResourceBundle english = wordsIn("messages.properties");

        assertEquals(List.of("To: please give a date like 2026-03-31. We used the default instead.",
                "From: the period started after it ended. We show the last 90 days instead."),
                parsed("from", "2026-12-01", "to", "soon").problems().stream().map(problem -> english
                        .getString(problem.messageKey()).replace("{field}",
                                english.getString("insights.filter." + problem.field()))).toList());
    }

    @Test
    void theProblemsCannotBeChangedAfterParsing() {
        Parsed parsed = parsed("plan", "gold");

        assertThrows(UnsupportedOperationException.class, () -> parsed.problems().clear());
    }

    /** One file of the application's words, without the parent a ResourceBundle would fall back to. */
    private static ResourceBundle wordsIn(String file) throws Exception {
        String path = "/" + InvitationEmail.BUNDLE.substring(0, InvitationEmail.BUNDLE.lastIndexOf('.') + 1)
                .replace('.', '/') + file;
        try (InputStream in = FilterParametersTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new PropertyResourceBundle(in);
        }
    }

    private static void assertUnknown(String parameter, List<String> values, String detail) {
        for (String value : values) {
            assertParsed(period(NINETY_DAYS_AGO, TODAY),
                    List.of(new Problem(parameter, "insights.problem.unknown", detail)), parsed(parameter, value));
        }
    }

    /** Each of these is not a day written as YYYY-MM-DD, or not a day that exists. */
    private static List<String> notDates() {
        return List.of("01.11.2026", "2026-1-5", "2026/01/05", "20260105", "2026-02-29", "2026-11-31",
                "2026-13-01", "2026-00-10", "yesterday", "2026-01-05T00:00", "2026-01-05Z", "2026-01-05 12:00");
    }

    private static void assertParsed(InsightsFilter filter, List<Problem> problems, Parsed parsed) {
        assertEquals(problems, parsed.problems());
        assertEquals(filter, parsed.filter());
    }

    /** The parameters as a link carries them, by their query names, parsed on TODAY. */
    private static Parsed parsed(String... namesAndValues) {
        FilterParameters parameters = new FilterParameters();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            switch (namesAndValues[i]) {
                case "from" -> parameters.setFrom(value);
                case "to" -> parameters.setTo(value);
                case "plan" -> parameters.setPlan(value);
                case "tenure" -> parameters.setTenure(value);
                case "channel" -> parameters.setChannel(value);
                case "language" -> parameters.setLanguage(value);
                case "reason" -> parameters.setReason(value);
                default -> throw new IllegalArgumentException(namesAndValues[i]);
            }
        }
        return parameters.parse(TODAY, CHOICES);
    }

    private static InsightsFilter period(LocalDate from, LocalDate to) {
        return new InsightsFilter(from, to, null, null, null, null, null);
    }

    private static InsightsFilter period(String from, String to) {
        return period(LocalDate.parse(from), LocalDate.parse(to));
    }
}
