package org.cancelportal.cancellation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceGeneratorTest {

    private static final Pattern FORMAT = Pattern.compile("^CX-[A-Z0-9]{4}-[A-Z0-9]{4}$");
    private static final Pattern AMBIGUOUS = Pattern.compile("[0O1ILU]");

    private final ReferenceGenerator generator = new ReferenceGenerator();

    @Test
    void referencesLookLikeCx7k4m2qpdAndAvoidCharactersThatAreEasilyConfused() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String reference = generator.next();
            assertTrue(FORMAT.matcher(reference).matches(), reference);
            String body = reference.substring(3).replace("-", "");
            assertFalse(AMBIGUOUS.matcher(body).find(), reference);
            body.chars().forEach(c -> seen.add((char) c));
        }
        // every one of the 30 characters turns up, so the whole alphabet is in use
        assertEquals(30, seen.size(), () -> "characters used: " + seen);
    }

    @Test
    void tenThousandReferencesAreAllDifferent() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(references.add(generator.next()), "duplicate after " + i + " draws");
        }
    }

    @ParameterizedTest(name = "\"{0}\" is read as CX-7K4M-2QPD")
    @ValueSource(strings = {
            "CX-7K4M-2QPD",
            "cx-7k4m-2qpd",
            "  CX-7K4M-2QPD  ",
            "CX 7K4M 2QPD",
            "cx7k4m2qpd",
            "CX7K4M-2QPD",
            "7K4M-2QPD",
            "7k4m 2qpd",
            "7K4M2QPD"
    })
    void whatAPersonTypesIsReadAsTheReference(String typed) {
        assertEquals("CX-7K4M-2QPD", ReferenceGenerator.normalise(typed));
    }

    @ParameterizedTest(name = "\"{0}\" is read as CX-CX4M-2QPD")
    @ValueSource(strings = {"CX-CX4M-2QPD", "cxcx4m2qpd", "cx cx4m 2qpd"})
    void aReferenceWhoseBodyStartsWithCxIsFoundWhenTypedWithThePrefix(String typed) {
        assertEquals("CX-CX4M-2QPD", ReferenceGenerator.normalise(typed));
    }

    /** One reference in 900 has a body starting with C, X: typed without the prefix it must still be found. */
    @ParameterizedTest(name = "\"{0}\" is read as CX-CX4M-2QPD")
    @ValueSource(strings = {"CX4M-2QPD", "cx4m2qpd"})
    void aReferenceWhoseBodyStartsWithCxIsFoundWhenTypedWithoutThePrefix(String typed) {
        assertEquals("CX-CX4M-2QPD", ReferenceGenerator.normalise(typed));
    }

    @ParameterizedTest(name = "\"{0}\" is left as typed")
    @ValueSource(strings = {"CX-7K4M", "not a reference", "CX-7K4M-2QPD-9"})
    void textThatIsNotAReferenceIsLeftAsTyped(String typed) {
        assertEquals(typed, ReferenceGenerator.normalise(typed));
    }

    @Test
    void nothingTypedIsReadAsEmpty() {
        assertEquals("", ReferenceGenerator.normalise(null));
    }
}
