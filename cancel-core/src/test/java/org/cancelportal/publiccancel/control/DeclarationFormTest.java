package org.cancelportal.publiccancel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.publiccancel.entity.Declared;
import org.junit.jupiter.api.Test;

class DeclarationFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static DeclarationForm form(String kind, String reason, String desiredEnd) {
        return new DeclarationForm(" Streaming Basic ", "Anna Schmidt", "anna@example.com", kind, reason, desiredEnd,
                "anna@example.com");
    }

    @Test
    void anOrdinaryCancellationNeedsNoReasonAndNoDate() {
        assertEquals(Map.of(), form("ORDINARY", null, null).problems(TODAY));
        Declared declared = form("ORDINARY", "typed, then switched to ordinary", "").declared(Locale.GERMAN, TODAY);
        assertEquals("Streaming Basic", declared.contract());
        assertEquals(DeclarationKind.ORDINARY, declared.kind());
        assertNull(declared.reason(), "a reason is only kept for an extraordinary cancellation");
        assertNull(declared.desiredEnd(), "no date: as early as possible");
    }

    @Test
    void anExtraordinaryCancellationNeedsAReason() {
        assertEquals(Map.of("reason", "public-cancel.problem.reason.missing"),
                form("EXTRAORDINARY", "  ", null).problems(TODAY));
        assertEquals(Map.of(), form("EXTRAORDINARY", "The service has been down for weeks.", null).problems(TODAY));
    }

    @Test
    void everyEmptyFieldIsNamedInTheOrderOfTheForm() {
        Map<String, String> problems = new DeclarationForm("", " ", null, null, null, null, "").problems(TODAY);
        assertEquals("[contract, name, accountEmail, kind, confirmationEmail]", problems.keySet().toString());
        assertEquals("public-cancel.problem.account-email.missing", problems.get("accountEmail"));
    }

    @Test
    void emailAddressesMustLookLikeOnes() {
        Map<String, String> problems = new DeclarationForm("Plan", "Name", "anna.example.com", "ORDINARY", null, null,
                "anna@example").problems(TODAY);
        assertEquals(Map.of("accountEmail", "public-cancel.problem.account-email.invalid",
                "confirmationEmail", "public-cancel.problem.confirmation-email.invalid"), problems);
    }

    @Test
    void theEndDateIsADateFromTodayOnWrittenEitherWay() {
        assertEquals(LocalDate.of(2026, 4, 30), form("ORDINARY", null, "2026-04-30").declared(Locale.ENGLISH, TODAY)
                .desiredEnd());
        assertEquals(LocalDate.of(2026, 4, 30), form("ORDINARY", null, "30.4.2026").declared(Locale.GERMAN, TODAY)
                .desiredEnd());
        assertEquals(Map.of(), form("ORDINARY", null, "2026-03-20").problems(TODAY), "today is fine");
        assertEquals(Map.of("desiredEnd", "public-cancel.problem.desired-end.past"),
                form("ORDINARY", null, "2026-03-19").problems(TODAY));
        assertEquals(Map.of("desiredEnd", "public-cancel.problem.desired-end.invalid"),
                form("ORDINARY", null, "next month").problems(TODAY));
        assertEquals(Map.of("desiredEnd", "public-cancel.problem.desired-end.too-far"),
                form("ORDINARY", null, "2036-01-01").problems(TODAY));
    }

    @Test
    void overlongTextIsRefusedNotCut() {
        String long201 = "x".repeat(201);
        assertEquals(Map.of("contract", "public-cancel.problem.contract.too-long"), new DeclarationForm(long201,
                "Name", "a@example.com", "ORDINARY", null, null, "a@example.com").problems(TODAY));
        assertThrows(IllegalArgumentException.class, () -> new DeclarationForm(long201, "Name", "a@example.com",
                "ORDINARY", null, null, "a@example.com").declared(Locale.ENGLISH, TODAY));
    }

    @Test
    void anUnknownKindIsAProblemNotAGuess() {
        assertEquals(Map.of("kind", "public-cancel.problem.kind"), form("SOMETIMES", null, null).problems(TODAY));
    }
}
