package org.cancelportal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForbiddenWordsTest {

    @Test
    void pressureAndLegaleseAreFoundInEitherLanguage() {
        assertEquals(List.of("are you sure", "lose all your"),
                ForbiddenWords.in("Are you SURE you want to lose all your benefits?"));
        assertEquals(List.of("don't go"), ForbiddenWords.in("Don’t go!"));
        assertEquals(List.of("hereby"), ForbiddenWords.in("You hereby terminate your subscription."));
        assertEquals(List.of("irrevocable", "irrevocably"),
                ForbiddenWords.in("This irrevocable decision ends the contract irrevocably."));
        assertEquals(List.of("sind Sie sicher", "wirklich kündigen"),
                ForbiddenWords.in("Wollen Sie wirklich kündigen? Sind Sie sicher?"));
        assertEquals(List.of("hiermit", "gemäß"), ForbiddenWords.in("Hiermit kündige ich gemäß § 5."));
    }

    @Test
    void aPoliteGoodbyeAndWordsThatOnlyContainAPhrasePass() {
        assertEquals(List.of(), ForbiddenWords.in("We're sorry to see you go."));
        assertEquals(List.of(), ForbiddenWords.in("Schade, dass Sie gehen."));
        assertEquals(List.of(), ForbiddenWords.in("Your subscription ends here by the end of May."));
        assertTrue(ForbiddenWords.in("Thereby nothing changes.").isEmpty(), "whole words only");
    }
}
