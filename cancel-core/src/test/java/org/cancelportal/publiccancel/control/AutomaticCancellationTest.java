package org.cancelportal.publiccancel.control;

import static org.cancelportal.cancellation.entity.CancellationMode.END_OF_PERIOD;
import static org.cancelportal.cancellation.entity.CancellationMode.IMMEDIATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.cancellation.control.CancellationPolicy;
import org.cancelportal.cancellation.control.DataHandling;
import org.cancelportal.cancellation.control.RefundRule;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.publiccancel.control.AutomaticCancellation.Decision;
import org.cancelportal.publiccancel.control.AutomaticCancellation.Route;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.junit.jupiter.api.Test;

class AutomaticCancellationTest {

    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");
    /** Paid until midnight at the start of 15 April in Berlin: the last day of access is 14 April. */
    private static final Subscription MONTHLY = new Subscription(
            new Subscriber("anna@example.com", "Anna", Locale.GERMAN, ZoneId.of("Europe/Berlin")),
            new Plan("basic", "Streaming Basic", Money.of("9.99", "EUR"), BillingPeriod.MONTHLY),
            Instant.parse("2025-01-14T23:00:00Z"), Instant.parse("2026-03-14T23:00:00Z"),
            Instant.parse("2026-04-14T22:00:00Z"));

    private static CancellationPolicy policy(CancellationMode defaultMode, boolean immediateOffered) {
        return policy(defaultMode, immediateOffered, true);
    }

    private static CancellationPolicy policy(CancellationMode defaultMode, boolean immediateOffered,
                                             boolean undoAllowed) {
        return new CancellationPolicy(defaultMode, immediateOffered, RefundRule.PRORATED, 14, undoAllowed,
                DataHandling.DELETED_AFTER_30_DAYS);
    }

    private static Decision decide(DeclarationKind kind, CancellationPolicy policy, Subscription subscription) {
        return AutomaticCancellation.decide(kind, null, policy, subscription, NOW);
    }

    private static Optional<CancellationMode> modeFor(DeclarationKind kind, LocalDate desiredEnd,
                                                      CancellationPolicy policy) {
        return AutomaticCancellation.modeFor(kind, desiredEnd, policy, MONTHLY, NOW);
    }

    @Test
    void anOrdinaryCancellationEndsTheWayThePolicyEndsEveryCancellation() {
        assertEquals(Optional.of(END_OF_PERIOD), modeFor(DeclarationKind.ORDINARY, null, policy(END_OF_PERIOD, true)));
        assertEquals(Optional.of(IMMEDIATE), modeFor(DeclarationKind.ORDINARY, null, policy(IMMEDIATE, false)));
    }

    @Test
    void anExtraordinaryCancellationEndsAtOnceOnlyWhereThePolicyOffersThatToEveryone() {
        assertEquals(Optional.of(IMMEDIATE), modeFor(DeclarationKind.EXTRAORDINARY, null, policy(END_OF_PERIOD, true)));
        assertEquals(Optional.empty(), modeFor(DeclarationKind.EXTRAORDINARY, null, policy(END_OF_PERIOD, false)),
                "a person weighs the reason");
    }

    @Test
    void aWishedEndUpToTheLastPaidDayIsMetByThePolicysDate() {
        CancellationPolicy policy = policy(END_OF_PERIOD, true);
        assertEquals(Optional.of(END_OF_PERIOD), modeFor(DeclarationKind.ORDINARY, LocalDate.of(2026, 3, 31), policy));
        assertEquals(Optional.of(END_OF_PERIOD), modeFor(DeclarationKind.ORDINARY, LocalDate.of(2026, 4, 14), policy));
    }

    @Test
    void aWishedEndBeyondThePaidPeriodGoesToAPerson() {
        assertEquals(Optional.empty(), modeFor(DeclarationKind.ORDINARY, LocalDate.of(2026, 4, 15),
                policy(END_OF_PERIOD, true)));
        assertEquals(Optional.empty(), modeFor(DeclarationKind.EXTRAORDINARY, LocalDate.of(2026, 3, 21),
                policy(END_OF_PERIOD, true)), "extraordinary means now; a later day needs a person");
        assertEquals(Optional.of(IMMEDIATE), modeFor(DeclarationKind.EXTRAORDINARY, LocalDate.of(2026, 3, 20),
                policy(END_OF_PERIOD, true)), "today is now");
    }

    @Test
    void onlyAnOrdinaryCancellationThatCanBeUndoneIsCarriedOutOnTheFormsWordAlone() {
        assertEquals(new Decision(Route.CARRY_OUT, END_OF_PERIOD),
                decide(DeclarationKind.ORDINARY, policy(END_OF_PERIOD, true), MONTHLY));
    }

    @Test
    void endingAccessNowWaitsForTheOwnersConfirmation() {
        assertEquals(new Decision(Route.CONFIRM_BY_LINK, IMMEDIATE),
                decide(DeclarationKind.EXTRAORDINARY, policy(END_OF_PERIOD, true), MONTHLY), "extraordinary");
        assertEquals(new Decision(Route.CONFIRM_BY_LINK, IMMEDIATE),
                decide(DeclarationKind.ORDINARY, policy(IMMEDIATE, false), MONTHLY), "the policy's default is now");
    }

    @Test
    void whatCannotBeUndoneWaitsForTheOwnersConfirmation() {
        assertEquals(new Decision(Route.CONFIRM_BY_LINK, END_OF_PERIOD),
                decide(DeclarationKind.ORDINARY, policy(END_OF_PERIOD, true, false), MONTHLY), "no undo allowed");
        Subscription runOut = new Subscription(
                new Subscriber("ben@example.com", "Ben", Locale.GERMAN, ZoneId.of("Europe/Berlin")),
                new Plan("basic", "Streaming Basic", Money.of("9.99", "EUR"), BillingPeriod.MONTHLY),
                Instant.parse("2025-01-14T23:00:00Z"), Instant.parse("2026-02-14T23:00:00Z"),
                Instant.parse("2026-03-14T23:00:00Z"));
        assertEquals(new Decision(Route.CONFIRM_BY_LINK, END_OF_PERIOD),
                decide(DeclarationKind.ORDINARY, policy(END_OF_PERIOD, true), runOut),
                "its paid period is over, so the end of the period is now");
    }

    @Test
    void whatThePolicyDoesNotOfferStaysWithSupport() {
        assertEquals(Route.SUPPORT, decide(DeclarationKind.EXTRAORDINARY, policy(END_OF_PERIOD, false), MONTHLY)
                .route());
    }

    @Test
    void theSenderIsToldTheRouteOfTheirKindOfDeclarationUnderThePolicy() {
        assertEquals(Route.CARRY_OUT,
                AutomaticCancellation.expectedRoute(DeclarationKind.ORDINARY, policy(END_OF_PERIOD, true)));
        assertEquals(Route.CONFIRM_BY_LINK,
                AutomaticCancellation.expectedRoute(DeclarationKind.EXTRAORDINARY, policy(END_OF_PERIOD, true)));
        assertEquals(Route.CONFIRM_BY_LINK,
                AutomaticCancellation.expectedRoute(DeclarationKind.ORDINARY, policy(IMMEDIATE, false)));
        assertEquals(Route.CONFIRM_BY_LINK,
                AutomaticCancellation.expectedRoute(DeclarationKind.ORDINARY, policy(END_OF_PERIOD, true, false)));
        assertEquals(Route.SUPPORT,
                AutomaticCancellation.expectedRoute(DeclarationKind.EXTRAORDINARY, policy(END_OF_PERIOD, false)));
    }
}
