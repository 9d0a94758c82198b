package org.cancelportal.insights.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The median time to refund reads in the unit that suits it, in English and German. */
class TimeAmountTest {

    @Test
    void aSpanReadsInMinutesHoursOrDaysWhicheverSuitsIt() throws Exception {
        ResourceBundle english = wordsIn("messages.properties");

        assertEquals(List.of("under a minute", "1 minute", "59 minutes", "1.0 hours", "47.5 hours", "2.0 days",
                        "5.5 days", "30.0 days"),
                texts(english, Locale.ENGLISH, Duration.ofSeconds(59), Duration.ofSeconds(60),
                        Duration.ofMinutes(59).plusSeconds(59), Duration.ofHours(1), Duration.ofMinutes(47 * 60 + 30),
                        Duration.ofDays(2), Duration.ofHours(132), Duration.ofDays(30)));
    }

    @Test
    void germanWritesItsOwnNumbersAndWords() throws Exception {
        ResourceBundle german = wordsIn("messages_de.properties");

        assertEquals(List.of("unter einer Minute", "1 Minute", "12 Minuten", "1,5 Stunden", "5,5 Tage"),
                texts(german, Locale.GERMAN, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(12),
                        Duration.ofMinutes(90), Duration.ofHours(132)));
    }

    @Test
    void theMedianSaysHowManyPaidRefundsItIsTheMiddleOf() throws Exception {
        String from = wordsIn("messages.properties").getString("insights.refunds.median.from");
        String aus = wordsIn("messages_de.properties").getString("insights.refunds.median.from");

        assertEquals("from 1 paid refund", format(from, Locale.ENGLISH, 1L));
        assertEquals("from 1,204 paid refunds", format(from, Locale.ENGLISH, 1204L));
        assertEquals("aus 1 bezahlten Erstattung", format(aus, Locale.GERMAN, 1L));
        assertEquals("aus 3 bezahlten Erstattungen", format(aus, Locale.GERMAN, 3L));
    }

    private static List<String> texts(ResourceBundle words, Locale locale, Duration... spans) {
        return java.util.Arrays.stream(spans).map(span -> TimeAmount.of(span).text(words, locale)).toList();
    }

    private static String format(String pattern, Locale locale, Object argument) {
        return new java.text.MessageFormat(pattern, locale).format(new Object[]{argument});
    }

    /** One file of the application's words, without the parent a ResourceBundle would fall back to. */
    private static ResourceBundle wordsIn(String file) throws Exception {
        try (InputStream in = TimeAmountTest.class.getResourceAsStream("/org/cancelportal/survey/i18n/" + file)) {
            return new PropertyResourceBundle(in);
        }
    }
}
