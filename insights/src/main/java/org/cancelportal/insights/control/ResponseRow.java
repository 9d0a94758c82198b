package org.cancelportal.insights.control;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One answer as the product team sees it: the snapshot and the person's words, never who they are. Whether the
 * person may be contacted is shown; how to reach them stays inside the system that sends the reply. Of when it was
 * given only the day is kept (UTC), and only the day is shown.
 */
public record ResponseRow(long id, LocalDate submittedAt, String cancelledMonth, String plan, String billingPeriod,
                          String tenureBand, String channel, String language, String reason, String comment,
                          String fairOutcome, boolean anonymous, boolean contactConsent, boolean reviewed,
                          List<String> tags, List<Reply> replies) implements Serializable {

    public record Reply(String author, String body, Instant writtenAt, Instant sentAt) implements Serializable {
    }

    ResponseRow withReplies(List<Reply> thread) {
        return new ResponseRow(id, submittedAt, cancelledMonth, plan, billingPeriod, tenureBand, channel, language,
                reason, comment, fairOutcome, anonymous, contactConsent, reviewed, tags, thread);
    }
}
