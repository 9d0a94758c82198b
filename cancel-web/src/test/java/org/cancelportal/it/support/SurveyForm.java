package org.cancelportal.it.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answers the survey behind an invitation link as a browser without JavaScript does (see {@link FormClient}). */
public final class SurveyForm {

    /** What a person answers; comment and fair outcome may be null. */
    public record Answer(String reason, String comment, String fairOutcome, boolean contact, boolean anonymous) {
    }

    private SurveyForm() {
    }

    /** @return the page that answers the sending */
    public static String answer(String link, Answer answer) {
        return open(link).send(answer);
    }

    /** Opens the form as a person does, to send it later: its view stays in this visitor's session. */
    public static Opened open(String link) {
        FormClient.Page page = FormClient.direct().get(link);
        if (page.status() != 200) {
            throw new AssertionError(link + " answered " + page.status() + ": " + page.body());
        }
        return new Opened(page);
    }

    /** A survey page on the screen, not sent yet. */
    public record Opened(FormClient.Page page) {

        public String form() {
            return page.form("survey");
        }

        /** @return the page that answers the sending */
        public String send(Answer answer) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("survey:reason", answer.reason());
            fields.put("survey:comment", answer.comment() == null ? "" : answer.comment());
            fields.put("survey:fair", answer.fairOutcome() == null ? "" : answer.fairOutcome());
            if (answer.contact()) {
                fields.put("survey:contact", "true");
            }
            if (answer.anonymous()) {
                fields.put("survey:anonymous", "true");
            }
            FormClient.Page answered = page.submit("survey", fields, "survey:send");
            if (answered.status() != 200) {
                throw new AssertionError("sending the survey answered " + answered.status() + ": " + answered.body());
            }
            return answered.body();
        }
    }
}
