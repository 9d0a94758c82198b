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
        return new CancellationPolicy(defaultMode, immediateOffered, RefundRule.PRORATED, 14, true,
                DataHandling.DELETED_AFTER_30_DAYS);
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
}
