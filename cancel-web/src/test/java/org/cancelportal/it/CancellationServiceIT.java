package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import org.cancelportal.cancellation.control.CancelCommand;
import org.cancelportal.cancellation.control.CancellationCompletion;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.control.UndoNotPossibleException;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.it.support.Fixtures;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.it.support.TestDeployment;
import org.cancelportal.it.support.Together;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cancellation rules on the real server and a real PostgreSQL, in the server's own transactions. */
@ExtendWith(ArquillianExtension.class)
class CancellationServiceIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.portal();
    }

    @Inject
    CancellationService service;

    @Inject
    CancellationCompletion completion;

    @Inject
    Fixtures fixtures;

    @Inject
    UserTransaction transaction;

    @Inject
    Clock clock;

    @Test
    void cancellingAtTheEndOfThePeriodSchedulesItWithTheRightDatesAndNoRefund() {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");
        long subscriptionId = person.subscriptionIds().get(0);

        Cancellation cancellation = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "key-a"));

        assertAll(
                () -> assertTrue(cancellation.getReference().matches("CX-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}"),
                        cancellation.getReference()),
                () -> assertEquals(cancellation.getSubscription().getCurrentPeriodEnd(), cancellation.getEffectiveAt()),
                () -> assertTrue(cancellation.getRefund().isZero()),
                () -> assertEquals("CANCELLATION_SCHEDULED", fixtures.status(subscriptionId)));
    }

    @Test
    void cancellingNowEndsAccessAndRefundsTheUnusedDays() {
        var person = fixtures.subscriberWithSubscription("UTC");
        long subscriptionId = person.subscriptionIds().get(0);

        Cancellation cancellation = service.cancel(command(person, CancellationMode.IMMEDIATE, "key-b"));

        // 30.00 for 30 days, 10 days used: today and the 19 days after it are unused.
        assertEquals("20.00", cancellation.getRefund().amount().toPlainString());
        assertTrue(Duration.between(cancellation.getEffectiveAt(), clock.instant()).abs().toMinutes() < 5);
        assertEquals("CANCELLED", fixtures.status(subscriptionId));
        assertEquals(1, events(person, "SubscriptionEnded"), "ending now is announced like any other end");
    }

    @Test
    void theRefundShownOnTheButtonIsPaidEvenIfTheDayChangedBeforeTheClick() {
        var person = fixtures.subscriberWithSubscription("UTC");
        Money shownYesterday = Money.of("21.00", "EUR");

        Cancellation cancellation = service.cancel(new CancelCommand(person.subscriptionIds().get(0),
                CancellationMode.IMMEDIATE, requester(person), "promise-" + person.subscriberId(), shownYesterday, null));

        assertEquals("21.00", cancellation.getRefund().amount().toPlainString());
    }

    @Test
    void theSameRequestSentAgainGivesTheSameCancellation() {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");

        Cancellation first = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "double-click"));
        Cancellation second = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "double-click"));

        assertEquals(first.getReference(), second.getReference());
        assertEquals(1, cancellationRows(person));
    }

    @Test
    void cancellingAnAlreadyCancelledSubscriptionReturnsItsExistingReceipt() {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");

        Cancellation first = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "tab-1"));
        Cancellation fromOtherTab = service.cancel(command(person, CancellationMode.IMMEDIATE, "tab-2"));

        assertEquals(first.getReference(), fromOtherTab.getReference());
        assertEquals(CancellationMode.END_OF_PERIOD, fromOtherTab.getMode());
        assertEquals(1, cancellationRows(person));
    }

    @Test
    void tenConcurrentCancelsLeaveOneCancellationAndEveryCallerSeesItsReference() throws Exception {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        Together.Outcome<String> outcome = Together.run(10, executor, i -> () -> service.cancel(
                command(person, CancellationMode.END_OF_PERIOD, "node-" + i)).getReference());
        List<String> references = outcome.answers();
        assertTrue(outcome.mostInFlight() >= 2, "the calls overlapped: " + outcome.mostInFlight() + " at once");

        Set<String> distinct = references.stream().collect(Collectors.toSet());
        assertEquals(1, distinct.size(), "every caller sees the same reference: " + references);
        assertEquals(1, cancellationRows(person));
        assertEquals(1, events(person, "SubscriptionCancelled"));
        assertEquals(1, audits(person, "SUBSCRIPTION_CANCELLED"));
    }

    @Test
    void undoMakesTheSubscriptionActiveAgainAndANewCancelGetsANewReference() {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");
        long subscriptionId = person.subscriptionIds().get(0);
        Cancellation first = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "first"));

        Cancellation undone = service.undo(first.getReference(), requester(person));
        Cancellation undoneTwice = service.undo(first.getReference(), requester(person));

        assertNotNull(undone.getUndoneAt());
        assertEquals(undone.getUndoneAt(), undoneTwice.getUndoneAt());
        assertEquals("ACTIVE", fixtures.status(subscriptionId));
        assertEquals(1, events(person, "CancellationUndone"));

        Cancellation again = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "second"));
        assertNotEquals(first.getReference(), again.getReference());
        assertEquals("CANCELLATION_SCHEDULED", fixtures.status(subscriptionId));
        assertEquals(2, cancellationRows(person));
    }

    @Test
    void theOldRequestSentAgainAfterAnUndoDoesNotCancelAgain() {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");
        Cancellation first = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "back-button"));
        service.undo(first.getReference(), requester(person));

        Cancellation replay = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "back-button"));

        assertEquals(first.getReference(), replay.getReference());
        assertEquals("ACTIVE", fixtures.status(person.subscriptionIds().get(0)));
    }

    @Test
    void aCancellationThatTookEffectCannotBeUndone() {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");
        Cancellation immediate = service.cancel(command(person, CancellationMode.IMMEDIATE, "now"));

        assertThrows(UndoNotPossibleException.class, () -> service.undo(immediate.getReference(), requester(person)));
        assertEquals("CANCELLED", fixtures.status(person.subscriptionIds().get(0)));
    }

    @Test
    void aScheduledCancellationEndsTheSubscriptionOnItsEffectiveDate() {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");
        Cancellation scheduled = service.cancel(command(person, CancellationMode.END_OF_PERIOD, "ends"));
        fixtures.letCancellationReachItsEffectiveDate(scheduled.getReference());

        while (completion.completeDue() > 0) {
            // drain every due subscription, including other tests' ones
        }

        assertEquals("CANCELLED", fixtures.status(person.subscriptionIds().get(0)));
        assertEquals(1, events(person, "SubscriptionEnded"));
        assertThrows(UndoNotPossibleException.class, () -> service.undo(scheduled.getReference(), requester(person)));
    }

    @Test
    void anotherSubscribersSubscriptionCanNeitherBeCancelledNorSeenAndTheAttemptIsAudited() {
        var owner = fixtures.subscriberWithSubscription("Europe/Berlin");
        var intruder = fixtures.subscriberWithSubscription("Europe/Berlin");
        long target = owner.subscriptionIds().get(0);
        Cancellation ownersCancellation = service.cancel(command(owner, CancellationMode.END_OF_PERIOD, "owner"));
        service.undo(ownersCancellation.getReference(), requester(owner));

        assertThrows(NotFoundException.class, () -> service.cancel(
                new CancelCommand(target, CancellationMode.IMMEDIATE, requester(intruder), "intruder")));
        assertThrows(NotFoundException.class, () -> service.receipt(ownersCancellation.getReference(),
                requester(intruder)));
        assertThrows(NotFoundException.class, () -> service.undo(ownersCancellation.getReference(),
                requester(intruder)));

        assertEquals("ACTIVE", fixtures.status(target));
        assertEquals(1, cancellationRows(owner));
        assertEquals(3, fixtures.count("SELECT count(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND actor = ?1",
                intruder.email()));
    }

    @Test
    void auditAndOutboxRowsCommitWithTheCancellationAndRollBackWithIt() throws Exception {
        var person = fixtures.subscriberWithSubscription("Europe/Berlin");

        transaction.begin();
        service.cancel(command(person, CancellationMode.END_OF_PERIOD, "rolled-back"));
        transaction.rollback();

        assertEquals(0, cancellationRows(person));
        assertEquals(0, events(person, "SubscriptionCancelled"));
        assertEquals(0, audits(person, "SUBSCRIPTION_CANCELLED"));
        assertEquals("ACTIVE", fixtures.status(person.subscriptionIds().get(0)));

        transaction.begin();
        service.cancel(command(person, CancellationMode.END_OF_PERIOD, "committed"));
        transaction.commit();

        assertEquals(1, cancellationRows(person));
        assertEquals(1, events(person, "SubscriptionCancelled"));
        assertEquals(1, audits(person, "SUBSCRIPTION_CANCELLED"));
    }

    private static Requester requester(Fixtures.Created person) {
        return Requester.subscriber(person.email(), person.subscriberId());
    }

    private static CancelCommand command(Fixtures.Created person, CancellationMode mode, String key) {
        return new CancelCommand(person.subscriptionIds().get(0), mode, requester(person),
                key + "-" + person.subscriberId());
    }

    private long cancellationRows(Fixtures.Created person) {
        return fixtures.count("SELECT count(*) FROM cancellation WHERE subscription_id = ?1",
                person.subscriptionIds().get(0));
    }

    private long events(Fixtures.Created person, String type) {
        return fixtures.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = ?2",
                String.valueOf(person.subscriptionIds().get(0)), type);
    }

    private long audits(Fixtures.Created person, String action) {
        return fixtures.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?1 AND action = ?2",
                String.valueOf(person.subscriptionIds().get(0)), action);
    }
}
