package org.cancelportal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What generated answers say, in English and German, three phrases per reason, so that a search for "expensive" or
 * "teuer" finds about as many answers as it would in real life and a rare word finds few. Keys: a reason code,
 * "" for answers without a reason, "+" for a sentence some people add, "fair" for "what would have been fair".
 */
final class SurveyPhrases {

    static final int PER_REASON = 3;
    static final int FAIR_OUTCOMES = 5;

    private static final Map<String, List<String>> ENGLISH = new LinkedHashMap<>();
    private static final Map<String, List<String>> GERMAN = new LinkedHashMap<>();

    static {
        ENGLISH.put("too_expensive", List.of("Too expensive for what I actually use.",
                "The price went up again and I can no longer justify it.",
                "Cheaper alternatives offer the same for half the price."));
        GERMAN.put("too_expensive", List.of("Zu teuer für das, was ich wirklich nutze.",
                "Der Preis wurde schon wieder erhöht.", "Andere Anbieter sind deutlich günstiger."));
        ENGLISH.put("missing_features", List.of("I missed an offline mode for travelling.",
                "No family sharing, which we really needed.", "The export feature I asked for never arrived."));
        GERMAN.put("missing_features", List.of("Mir fehlte ein Offline-Modus für Reisen.",
                "Kein Familienkonto, das hätten wir gebraucht.", "Die gewünschte Exportfunktion kam nie."));
        ENGLISH.put("switched_service", List.of("Switched to a competitor that bundles it with my phone plan.",
                "My employer now provides a similar service.", "Moved to another provider with better content."));
        GERMAN.put("switched_service", List.of("Zu einem Anbieter gewechselt, der im Handyvertrag enthalten ist.",
                "Mein Arbeitgeber bietet jetzt etwas Ähnliches.", "Ein anderer Anbieter hat bessere Inhalte."));
        ENGLISH.put("unused", List.of("I simply did not use it enough.", "Forgot I even had this subscription.",
                "No time to use it since the baby arrived."));
        GERMAN.put("unused", List.of("Ich habe es einfach zu selten genutzt.", "Ich hatte das Abo ganz vergessen.",
                "Keine Zeit mehr seit dem Umzug."));
        ENGLISH.put("customer_service", List.of("Support took two weeks to answer my billing question.",
                "The support chat kept sending me in circles.",
                "Nobody could explain the double charge on my card."));
        GERMAN.put("customer_service", List.of("Der Kundendienst hat zwei Wochen für eine Antwort gebraucht.",
                "Im Support-Chat drehte man sich im Kreis.", "Niemand konnte die doppelte Abbuchung erklären."));
        ENGLISH.put("too_complex", List.of("The app is confusing and the settings are hard to find.",
                "Too many steps to do simple things.", "I never figured out how to set it up on my TV."));
        GERMAN.put("too_complex", List.of("Die App ist unübersichtlich und die Einstellungen schwer zu finden.",
                "Zu viele Schritte für einfache Dinge.", "Die Einrichtung auf dem Fernseher hat nie geklappt."));
        ENGLISH.put("low_quality", List.of("Streaming quality was poor in the evenings.",
                "The app crashed constantly on my phone.", "Content quality dropped a lot this year."));
        GERMAN.put("low_quality", List.of("Die Streamingqualität war abends schlecht.",
                "Die App stürzte auf meinem Handy ständig ab.", "Die Qualität der Inhalte hat stark nachgelassen."));
        ENGLISH.put("other", List.of("Moving abroad where the service is not available.",
                "Saving money for a while, might come back.", "Just taking a break."));
        GERMAN.put("other", List.of("Ich ziehe ins Ausland, dort gibt es den Dienst nicht.",
                "Ich spare gerade, vielleicht komme ich zurück.", "Ich mache nur eine Pause."));
        ENGLISH.put("", List.of("Cancelling was easy, thank you.", "Nothing specific.", "Good service overall."));
        GERMAN.put("", List.of("Die Kündigung war einfach, danke.", "Nichts Bestimmtes.", "Insgesamt guter Dienst."));
        ENGLISH.put("+", List.of("Thanks for making this easy.", "I might come back later.",
                "Keep up the good work."));
        GERMAN.put("+", List.of("Danke, dass die Kündigung so einfach war.", "Vielleicht komme ich später wieder.",
                "Weiter so."));
        ENGLISH.put("fair", List.of("A cheaper plan without extras.", "A pause button instead of cancelling.",
                "A refund for the unused month.", "Being told about the price increase in advance.",
                "Nothing, this was fair."));
        GERMAN.put("fair", List.of("Ein günstigerer Tarif ohne Extras.", "Eine Pausenfunktion statt Kündigung.",
                "Eine Erstattung für den ungenutzten Monat.", "Rechtzeitige Information über die Preiserhöhung.",
                "Nichts, das war fair."));
    }

    private SurveyPhrases() {
    }

    /** A VALUES list of (reason, language, no, text), numbered from 1 within each reason and language. */
    static String valuesSql() {
        List<String> rows = new ArrayList<>();
        addRows(rows, "en", ENGLISH);
        addRows(rows, "de", GERMAN);
        return "VALUES " + String.join(",\n       ", rows);
    }

    private static void addRows(List<String> rows, String language, Map<String, List<String>> phrases) {
        phrases.forEach((key, texts) -> {
            for (int i = 0; i < texts.size(); i++) {
                rows.add("(" + literal(key) + ", " + literal(language) + ", " + (i + 1) + ", " + literal(texts.get(i))
                        + ")");
            }
        });
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
