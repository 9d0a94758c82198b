package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.ErasureFixture;
import org.cancelportal.it.support.Fixtures;
import org.cancelportal.it.support.TestDeployment;
import org.cancelportal.privacy.control.PersonalDataEraser;
import org.cancelportal.privacy.control.SurveyRetention;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Erasure on request and the survey's retention period, on the real database. */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.portal();
    }

    @Inject
    Fixtures fixtures;

    @Inject
    CancellationService service;

    @Inject
    PersonalDataEraser eraser;

    @Inject
    SurveyRetention retention;

    @Inject
    ErasureFixture erasure;

    /**
     * The same person at two operators, in every table that can hold something about them; afterwards neither their
     * address nor their name is anywhere in the database, while their cancellations stay, anonymised.
     */
    @Test
    void erasureLeavesTheAddressAndTheNameInNoColumnOfAnyTableUnderEitherOperator() {
        String email = "erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String name = "Zo\u00eb Quennell-" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = erasure.personAtTwoOperators(email, name);
        assertTrue(erasure.columnsHolding(email).size() >= 10, erasure.columnsHolding(email).toString());

        assertEquals(ids, eraser.eraseEveryoneWith(email, "admin@example.com"));

        assertEquals(List.of(), erasure.columnsHolding(email), "the address");
        assertEquals(List.of(), erasure.columnsHolding(name), "the name");
        for (long id : ids) {
            assertEquals(1L, fixtures.count("SELECT count(*) FROM cancellation c JOIN subscription s"
                    + " ON s.id = c.subscription_id WHERE s.subscriber_id = ?1 AND c.actor = ?2", id,
                    "erased subscriber " + id), "the cancellation stays, anonymised");
        }
    }

    @Test
    void erasingAPersonRemovesNameEmailAndLoginAndMakesTheirAnswersAnonymousButKeepsTheCancellation() {
        var person = fixtures.subscriberWithSubscription("UTC");
        Cancellation cancellation = service.cancel(new CancelCommand(person.subscriptionIds().get(0),
                CancellationMode.END_OF_PERIOD, Requester.subscriber(person.email(), person.subscriberId()), "erase"));
        answerSurvey(person, cancellation, TestTime.now().minus(Duration.ofDays(30)).toString());

        eraser.eraseEveryoneWith(person.email().toUpperCase(), "admin@example.com");

        long id = person.subscriberId();
        assertEquals("erased-" + id + "@invalid", fixtures.single("SELECT email FROM subscriber WHERE id = ?1", id));
        assertEquals("Erased", fixtures.single("SELECT name FROM subscriber WHERE id = ?1", id));
        assertEquals(0L, fixtures.count("SELECT count(*) FROM app_user WHERE subscriber_id = ?1", id));
        assertEquals(0L, fixtures.count("SELECT count(*) FROM audit_entry WHERE lower(actor) = lower(?1)", person.email()));
        assertEquals("erased subscriber " + id, fixtures.single("SELECT actor FROM cancellation WHERE reference = ?1",
                cancellation.getReference()));
        assertEquals("CANCELLATION_SCHEDULED", fixtures.status(person.subscriptionIds().get(0)), "the record stays");
        assertEquals(1L, fixtures.count("SELECT count(*) FROM survey_response WHERE plan_code = ?1 AND anonymous"
                + " AND subscriber_id IS NULL AND cancellation_id IS NULL AND NOT contact_consent", planCode(person)));
    }

    @Test
    void answersOlderThanTheRetentionPeriodBecomeAnonymousAndNewerOnesStayAsTheyAre() {
        var old = fixtures.subscriberWithSubscription("UTC");
        var recent = fixtures.subscriberWithSubscription("UTC");
        answerSurvey(old, cancel(old), TestTime.now().minus(Duration.ofDays(400)).toString());
        answerSurvey(recent, cancel(recent), TestTime.now().toString());

        retention.apply();

        assertEquals(1L, fixtures.count("SELECT count(*) FROM survey_response WHERE plan_code = ?1 AND anonymous"
                + " AND subscriber_id IS NULL", planCode(old)));
        assertEquals(1L, fixtures.count("SELECT count(*) FROM survey_response WHERE plan_code = ?1 AND NOT anonymous"
                + " AND subscriber_id = ?2", planCode(recent), recent.subscriberId()));
    }

    private Cancellation cancel(Fixtures.Created person) {
        return service.cancel(new CancelCommand(person.subscriptionIds().get(0), CancellationMode.END_OF_PERIOD,
                Requester.subscriber(person.email(), person.subscriberId()), "retention-" + person.subscriberId()));
    }

    private String planCode(Fixtures.Created person) {
        return (String) fixtures.single("SELECT p.code FROM plan p JOIN subscription s ON s.plan_id = p.id"
                + " WHERE s.id = ?1", person.subscriptionIds().get(0));
    }

    private void answerSurvey(Fixtures.Created person, Cancellation cancellation, String submittedAt) {
        fixtures.execute("INSERT INTO survey_response (subscriber_id, cancellation_id, anonymous, reason_code,"
                        + " contact_consent, plan_code, billing_period, tenure_band, channel, locale, cancelled_month,"
                        + " submitted_at, updated_at) VALUES (?1, ?2, FALSE, 'unused', TRUE, ?3, 'MONTHLY',"
                        + " 'under_1_month', 'WEB', 'en', to_char(CAST(?4 AS timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM'),"
                        + " CAST(?4 AS timestamptz), CAST(?4 AS timestamptz))",
                person.subscriberId(), cancellation.getId(), planCode(person), submittedAt);
    }
}
