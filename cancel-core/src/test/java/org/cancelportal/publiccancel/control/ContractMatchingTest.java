package org.cancelportal.publiccancel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.publiccancel.control.ContractMatching.Candidate;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.publiccancel.entity.Declared;
import org.junit.jupiter.api.Test;

class ContractMatchingTest {

    private static final Candidate BASIC = new Candidate(1, "Anna Schmidt", "Streaming Basic", "SUB-1001", "K-77",
            "anna@example.com");
    private static final Candidate FITNESS = new Candidate(2, "Anna Schmidt", "Fitness Online", null, "K-77",
            "anna@example.com");

    private static Declared declaring(String contract, String name) {
        return new Declared(contract, name, "anna@example.com", DeclarationKind.ORDINARY, null, null,
                "anna@example.com", Locale.GERMAN);
    }

    private static Optional<Long> match(String contract, String name, Candidate... active) {
        return ContractMatching.match(declaring(contract, name), List.of(active)).map(Candidate::subscriptionId);
    }

    @Test
    void thePlanNameMatchesIgnoringCaseAndExtraSpaces() {
        assertEquals(Optional.of(1L), match("  streaming   BASIC ", "Anna Schmidt", BASIC, FITNESS));
    }

    @Test
    void theSubscriptionReferenceMatchesIgnoringCaseSpacesAndDashes() {
        assertEquals(Optional.of(1L), match("sub 1001", "Anna Schmidt", BASIC, FITNESS));
    }

    @Test
    void theCustomerReferenceMatchesOnlyWhenItLeavesOneSubscription() {
        assertEquals(Optional.empty(), match("K-77", "Anna Schmidt", BASIC, FITNESS), "two subscriptions: ask");
        assertEquals(Optional.of(2L), match("k77", "Anna Schmidt", FITNESS));
    }

    @Test
    void theNameMustBeTheAccountHoldersIgnoringCaseAndSpaces() {
        assertEquals(Optional.of(1L), match("Streaming Basic", " anna  schmidt", BASIC));
        assertEquals(Optional.empty(), match("Streaming Basic", "Anna Schmitt", BASIC));
        assertEquals(Optional.of(1L), match("Streaming Basic", "Ａｎｎａ Schmidt", BASIC), "full-width letters are letters");
    }

    @Test
    void anythingVagueOrUnknownMatchesNothing() {
        assertEquals(Optional.empty(), match("Streaming", "Anna Schmidt", BASIC), "part of a name is not enough");
        assertEquals(Optional.empty(), match("---", "Anna Schmidt", BASIC));
        assertEquals(Optional.empty(), match("Streaming Basic", "Anna Schmidt"), "no active subscription");
    }

    @Test
    void twoSubscriptionsOfTheSamePlanAreForAPersonToTellApart() {
        Candidate secondBasic = new Candidate(3, "Anna Schmidt", "Streaming Basic", "SUB-1002", "K-77",
                "anna@example.com");
        assertEquals(Optional.empty(), match("Streaming Basic", "Anna Schmidt", BASIC, secondBasic));
        assertEquals(Optional.of(3L), match("SUB-1002", "Anna Schmidt", BASIC, secondBasic));
    }
}
