package org.cancelportal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
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

    /**
     * PlainLanguageIT reads what a journey shows; this reads every word of every bundle of the three modules, so an
     * error message or page no journey reaches is held to the same list.
     */
    @Test
    void noBundleOfAnyModuleHoldsPressureOrLegalese() throws IOException {
        List<String> found = new ArrayList<>();
        int texts = 0;
        for (String module : List.of("../cancel-core", "../cancel-web", "../exit-survey")) {
            List<Path> bundles;
            try (Stream<Path> files = Files.walk(Path.of(module, "src/main/resources"))) {
                bundles = files.filter(file -> file.toString().endsWith(".properties")).toList();
            }
            for (Path bundle : bundles) {
                Properties words = new Properties();
                try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    words.load(reader);
                }
                for (String key : words.stringPropertyNames()) {
                    texts++;
                    ForbiddenWords.in(words.getProperty(key)).forEach(phrase -> found.add(bundle.getFileName() + " "
                            + key + ": " + phrase));
                }
            }
        }
        assertTrue(texts > 300, "the bundles were found: " + texts + " texts");
        assertEquals(List.of(), found);
    }
}
