package org.cancelportal.reminder.control;

import static org.cancelportal.reminder.control.ReminderRules.Timing.NOT_YET;
import static org.cancelportal.reminder.control.ReminderRules.Timing.PASSED;
import static org.cancelportal.reminder.control.ReminderRules.Timing.SEND;
import static org.cancelportal.reminder.control.ReminderRules.Timing.SEND_LATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reminder rules with the defaults of portal.xml; dates are worked out from today, never written down. */
class ReminderRulesTest {

    private static final NoticeWindow US_CHARGE = NoticeWindow.parse("us", "7-30");
    private static final NoticeWindow UK = NoticeWindow.parse("uk", "3-28");
    private static final NoticeWindow ELSEWHERE_CHARGE = NoticeWindow.parse("elsewhere", "7-30");
    private static final NoticeWindow US_PRICE = NoticeWindow.parse("us", "5-30");
    private static final NoticeWindow ELSEWHERE_PRICE = NoticeWindow.parse("elsewhere", "5-30");

    private static final ReminderRules RULES = new ReminderRules(
            Map.of(Jurisdiction.US, US_CHARGE, Jurisdiction.UK, UK, Jurisdiction.ELSEWHERE, ELSEWHERE_CHARGE),
            Map.of(Jurisdiction.US, US_PRICE, Jurisdiction.UK, UK, Jurisdiction.ELSEWHERE, ELSEWHERE_PRICE),
            new NoticeWindow(0, -1));

    private static final LocalDate CHARGE = LocalDate.now(ZoneOffset.UTC).plusDays(40);

    @Test
    void withoutACountryEveryRuleAppliesAndTheWindowIsTheDaysTheyShare() {
        assertEquals(Jurisdiction.UNKNOWN, Jurisdiction.of(null));
        assertEquals(Jurisdiction.UNKNOWN, Jurisdiction.of(" "));
        assertEquals(new NoticeWindow(28, 7), RULES.window(Jurisdiction.UNKNOWN, NoticeKind.ANNUAL_RENEWAL).get());
        assertEquals(new NoticeWindow(28, 5), RULES.window(Jurisdiction.UNKNOWN, NoticeKind.PRICE_CHANGE).get());
        assertTrue(RULES.window(Jurisdiction.UNKNOWN, NoticeKind.UK_SIX_MONTHLY).isPresent());
        assertTrue(RULES.window(Jurisdiction.UNKNOWN, NoticeKind.UK_COOLING_OFF).isPresent());
    }

    @Test
    void theSendDayIsTheLatestOpeningSoItLiesInsideEveryWindow() {
        ReminderRules.Decision decision = RULES.decide(Jurisdiction.UNKNOWN, NoticeKind.TRIAL_CONVERSION, CHARGE,
                CHARGE.minusDays(28)).get();
        LocalDate sendOn = decision.sendOn();
        assertEquals(CHARGE.minusDays(28), sendOn, "the UK window opens last, 28 days before");
        for (NoticeWindow window : new NoticeWindow[] {US_CHARGE, UK, ELSEWHERE_CHARGE}) {
            assertFalse(sendOn.isBefore(window.opensOn(CHARGE)), window + " has opened");
            assertFalse(sendOn.isAfter(window.closesOn(CHARGE)), window + " has not closed");
        }
        assertEquals(CHARGE.minusDays(30), RULES.decide(Jurisdiction.US, NoticeKind.ANNUAL_RENEWAL, CHARGE,
                CHARGE.minusDays(30)).get().sendOn(), "in the US alone, 30 days before");
    }

    @ParameterizedTest
    @CsvSource({"31, NOT_YET", "30, SEND", "7, SEND", "6, SEND_LATE", "1, SEND_LATE", "0, PASSED", "-1, PASSED"})
    void theWindowsEdgesBeforeACaliforniaRenewal(int daysBefore, ReminderRules.Timing expected) {
        assertEquals(expected, RULES.decide(Jurisdiction.US, NoticeKind.ANNUAL_RENEWAL, CHARGE,
                CHARGE.minusDays(daysBefore)).get().timing());
    }

    @ParameterizedTest
    @CsvSource({"31, NOT_YET", "30, SEND", "5, SEND", "4, SEND_LATE"})
    void aNewYorkPriceChangeIsToldFiveToThirtyDaysBefore(int daysBefore, ReminderRules.Timing expected) {
        assertEquals(expected, RULES.decide(Jurisdiction.US, NoticeKind.PRICE_CHANGE, CHARGE,
                CHARGE.minusDays(daysBefore)).get().timing());
    }

    @ParameterizedTest
    @CsvSource({"29, NOT_YET", "28, SEND", "3, SEND", "2, SEND_LATE"})
    void theUkWindowIsThreeToTwentyEightDays(int daysBefore, ReminderRules.Timing expected) {
        assertEquals(expected, RULES.decide(Jurisdiction.UK, NoticeKind.TRIAL_CONVERSION, CHARGE,
                CHARGE.minusDays(daysBefore)).get().timing());
    }

    @Test
    void theCoolingOffNoticeFollowsTheRenewalInTheUkOnly() {
        assertEquals(NOT_YET, RULES.decide(Jurisdiction.UK, NoticeKind.UK_COOLING_OFF, CHARGE,
                CHARGE.minusDays(1)).get().timing());
        assertEquals(SEND, RULES.decide(Jurisdiction.UK, NoticeKind.UK_COOLING_OFF, CHARGE, CHARGE).get().timing());
        assertEquals(SEND, RULES.decide(Jurisdiction.UK, NoticeKind.UK_COOLING_OFF, CHARGE,
                CHARGE.plusDays(1)).get().timing());
        assertEquals(PASSED, RULES.decide(Jurisdiction.UK, NoticeKind.UK_COOLING_OFF, CHARGE,
                CHARGE.plusDays(2)).get().timing(), "never late: after its days it is not sent");
        assertTrue(RULES.decide(Jurisdiction.ELSEWHERE, NoticeKind.UK_COOLING_OFF, CHARGE, CHARGE).isEmpty());
        assertTrue(ReminderRules.coolingOffAfter(Jurisdiction.UK, true, false));
        assertTrue(ReminderRules.coolingOffAfter(Jurisdiction.UNKNOWN, false, true));
        assertFalse(ReminderRules.coolingOffAfter(Jurisdiction.UK, false, false), "a monthly renewal has none");
        assertFalse(ReminderRules.coolingOffAfter(Jurisdiction.US, true, true));
    }

    @Test
    void theUkRemindsEverySixMonthsOfAMonthlyPlan() {
        LocalDate started = LocalDate.now(ZoneOffset.UTC).minusMonths(6);
        for (int months = 1; months <= 24; months++) {
            Optional<NoticeKind> kind = ReminderRules.beforeCharge(Jurisdiction.UK, false, BillingPeriod.MONTHLY,
                    started, started.plusMonths(months));
            assertEquals(months % 6 == 0, kind.isPresent(), "month " + months);
        }
        assertEquals(Optional.of(NoticeKind.UK_SIX_MONTHLY), ReminderRules.beforeCharge(Jurisdiction.UNKNOWN, false,
                BillingPeriod.MONTHLY, started, started.plusMonths(12)));
        assertEquals(Optional.empty(), ReminderRules.beforeCharge(Jurisdiction.US, false, BillingPeriod.MONTHLY,
                started, started.plusMonths(12)), "outside the UK, monthly plans get no reminder");
        assertEquals(Optional.empty(), ReminderRules.beforeCharge(Jurisdiction.UK, false, BillingPeriod.MONTHLY,
                started, started), "not at the start");
    }

    @Test
    void trialsAndYearlyPlansAreRemindedEverywhere() {
        LocalDate started = LocalDate.now(ZoneOffset.UTC);
        assertEquals(Optional.of(NoticeKind.TRIAL_CONVERSION), ReminderRules.beforeCharge(Jurisdiction.ELSEWHERE, true,
                BillingPeriod.MONTHLY, started, started.plusDays(30)));
        assertEquals(Optional.of(NoticeKind.ANNUAL_RENEWAL), ReminderRules.beforeCharge(Jurisdiction.ELSEWHERE, false,
                BillingPeriod.YEARLY, started, started.plusYears(1)));
    }

    @Test
    void aPlanStartedOnTheLastDayOfAugustRemindsOnTheLastDayOfFebruaryInALeapYear() {
        int leap = Year.now(ZoneOffset.UTC).getValue() + 1;
        while (!Year.isLeap(leap)) {
            leap++;
        }
        LocalDate started = LocalDate.of(leap - 1, 8, 31);
        assertTrue(ReminderRules.isSixMonthly(started, LocalDate.of(leap, 2, 29)));
        assertFalse(ReminderRules.isSixMonthly(started, LocalDate.of(leap, 2, 28)), "the 29th is the renewal");
        assertTrue(ReminderRules.isSixMonthly(started, LocalDate.of(leap, 8, 31)));
        LocalDate notLeap = LocalDate.of(leap, 8, 31);
        assertTrue(ReminderRules.isSixMonthly(notLeap, LocalDate.of(leap + 1, 2, 28)));
        assertEquals(SEND, RULES.decide(Jurisdiction.UK, NoticeKind.UK_SIX_MONTHLY, LocalDate.of(leap, 3, 1),
                LocalDate.of(leap, 2, 2)).get().timing(), "28 days before 1 March counts the 29th of February");
        assertEquals(NOT_YET, RULES.decide(Jurisdiction.UK, NoticeKind.UK_SIX_MONTHLY, LocalDate.of(leap, 3, 1),
                LocalDate.of(leap, 2, 1)).get().timing());
    }

    @Test
    void daysAreTheSubscribersOwnAcrossMidnight() {
        ZoneId eastOfUtc = ZoneOffset.ofHours(2);
        ZoneId westOfUtc = ZoneOffset.ofHours(-8);
        // a charge at 23:30 UTC is already the next day two hours east of UTC, and the same day west of it
        var charge = CHARGE.atTime(LocalTime.of(23, 30)).toInstant(ZoneOffset.UTC);
        var now = CHARGE.minusDays(30).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        assertEquals(CHARGE.plusDays(1), ReminderRules.day(charge, eastOfUtc));
        assertEquals(CHARGE, ReminderRules.day(charge, westOfUtc));
        assertEquals(SEND, RULES.decide(Jurisdiction.US, NoticeKind.ANNUAL_RENEWAL, charge, now, ZoneOffset.UTC)
                .get().timing(), "30 days before in UTC");
        assertEquals(SEND, RULES.decide(Jurisdiction.US, NoticeKind.ANNUAL_RENEWAL, charge, now, westOfUtc)
                .get().timing(), "30 days before west of UTC");
        assertEquals(NOT_YET, RULES.decide(Jurisdiction.US, NoticeKind.ANNUAL_RENEWAL, charge, now, eastOfUtc)
                .get().timing(), "31 days before where the charge falls on the next day");
    }

    @Test
    void countriesAreTwoCapitalLettersThatExist() {
        assertEquals(Jurisdiction.US, Jurisdiction.of("US"));
        assertEquals(Jurisdiction.UK, Jurisdiction.of("GB"));
        assertEquals(Jurisdiction.ELSEWHERE, Jurisdiction.of("DE"));
        assertTrue(Jurisdiction.isCountryCode("DE"));
        assertFalse(Jurisdiction.isCountryCode("de"));
        assertFalse(Jurisdiction.isCountryCode("DEU"));
        assertFalse(Jurisdiction.isCountryCode("XX"));
        assertFalse(Jurisdiction.isCountryCode("UK"), "the United Kingdom is GB");
    }

    @Test
    void windowsThatShareNoDayAreRefusedAtStart() {
        NoticeWindow early = NoticeWindow.parse("early", "20-30");
        NoticeWindow late = NoticeWindow.parse("late", "1-10");
        assertThrows(IllegalArgumentException.class, () -> new ReminderRules(
                Map.of(Jurisdiction.US, early, Jurisdiction.UK, late, Jurisdiction.ELSEWHERE, early),
                Map.of(Jurisdiction.US, US_PRICE, Jurisdiction.UK, UK, Jurisdiction.ELSEWHERE, ELSEWHERE_PRICE),
                new NoticeWindow(0, -1)));
        assertThrows(IllegalArgumentException.class, () -> NoticeWindow.parse("reminders.x", "seven"));
        assertEquals(new NoticeWindow(30, 7), NoticeWindow.parse("reminders.x", "30-7"), "either order");
        assertEquals("7-30", NoticeWindow.parse("reminders.x", "7-30").toString());
    }
}
