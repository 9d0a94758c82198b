package org.cancelportal.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Exit-survey answers as they are given: a first answer, or a change within its day to change it. */
@ApplicationScoped
public class SurveyAnswerMeters {

    static final Metadata ANSWERS = Metadata.builder().withName("survey.answers")
            .withDescription("Exit-survey answers recorded, by answer: first, or changed").build();

    @Inject
    MetricRegistry registry;

    @Inject
    AfterCommit afterCommit;

    public void answered(boolean change) {
        afterCommit.run(() -> registry.counter(ANSWERS, new Tag("answer", change ? "changed" : "first")).inc());
    }
}
