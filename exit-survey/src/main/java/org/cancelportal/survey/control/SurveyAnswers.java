package org.cancelportal.survey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.metrics.control.SurveyAnswerMeters;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.survey.entity.SurveyInvitation;
import org.cancelportal.survey.entity.SurveyResponse;

/** The answers behind invitation links: one per invitation, which the same link may change for 24 hours. */
@ApplicationScoped
@Transactional
public class SurveyAnswers {

    public static final Duration EDIT_WINDOW = Duration.ofHours(24);
    public static final int MAX_TEXT = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveyLinks links;

    @Inject
    SurveySettings settings;

    @Inject
    SurveyAnswerMeters meters;

    @Inject
    Clock clock;

    /** What the link opens: its invitation, whom it asks, and the answer given through it so far, if any. */
    public record Opened(SurveyInvitation invitation, Optional<Subscriber> subscriber, Optional<SurveyResponse> earlier) {
    }

    /** What a person answered; every part may be empty. */
    public record Answer(String reasonCode, String comment, String fairOutcome, boolean contactConsent,
                         boolean anonymous) {
    }

    public Optional<Opened> open(String token) {
        Optional<SurveyInvitation> invitation = links.secretHash(SurveyLinks.ANSWER, token)
                .flatMap(hash -> em.createQuery("select i from SurveyInvitation i where i.tokenHash = :hash"
                                + " or i.reminderTokenHash = :hash", SurveyInvitation.class)
                        .setParameter("hash", hash).getResultStream().findFirst());
        return invitation.map(found -> new Opened(found,
                Optional.ofNullable(found.getSubscriberId()).map(id -> em.find(Subscriber.class, id)),
                em.createQuery("select r from SurveyResponse r where r.editKeyHash = :hash", SurveyResponse.class)
                        .setParameter("hash", SurveyLinks.editKeyHash(token)).getResultStream().findFirst()));
    }

    /**
     * Records the answer, or changes the one given before through this link while its day to change it lasts.
     *
     * @return the answer's id, or empty when the change came too late and the earlier answer stands
     */
    public Optional<Long> answer(long invitationId, Long responseId, String token, String language, Answer given) {
        Instant now = clock.instant();
        SurveyInvitation invitation = em.find(SurveyInvitation.class, invitationId);
        SurveyResponse answer = responseId == null ? newResponse(invitation, token, language, now)
                : em.find(SurveyResponse.class, responseId);
        if (!answer.isEditable(now)) {
            // a form opened just before the window closed: the answer may already be on its way to the operator
            return Optional.empty();
        }
        String reason = settings.reasons().contains(given.reasonCode()) ? given.reasonCode() : null;
        answer.answer(reason, trimmed(given.comment()), trimmed(given.fairOutcome()), given.contactConsent(),
                given.anonymous(), now);
        invitation.responded(now, given.anonymous());
        meters.answered(responseId != null);
        return Optional.of(answer.getId());
    }

    private SurveyResponse newResponse(SurveyInvitation invitation, String token, String language, Instant now) {
        Cancellation cancellation = em.find(Cancellation.class, invitation.getCancellationId());
        Subscription subscription = cancellation.getSubscription();
        var snapshot = new SurveyResponse.Snapshot(invitation.getSubscriberId(), cancellation.getId(),
                subscription.getOperatorId(), subscription.getPlan().getCode(), subscription.getPlan().getBillingPeriod().name(),
                tenureBand(subscription.getStartedAt(), cancellation.getRequestedAt()),
                cancellation.getChannel().name(), language,
                cancellation.getRequestedAt().atOffset(ZoneOffset.UTC).toString().substring(0, 7));
        SurveyResponse answer = new SurveyResponse(snapshot, SurveyLinks.editKeyHash(token), now, now.plus(EDIT_WINDOW));
        em.persist(answer);
        em.flush();
        return answer;
    }

    /** From the database's tenure_band(), the one definition the insights figures count by too. */
    private String tenureBand(Instant started, Instant cancelled) {
        return (String) NativeSql.query(em, "SELECT tenure_band(?1, ?2)", Timestamp.from(started),
                Timestamp.from(cancelled)).getSingleResult();
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }
}
