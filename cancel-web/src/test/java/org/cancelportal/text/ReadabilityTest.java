package org.cancelportal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorer itself, on texts whose figures are known, so a wrong count or a wrong coefficient fails here. */
class ReadabilityTest {

    /**
     * The textbook floor of the Flesch–Kincaid grade: a text of one-word sentences of one syllable scores
     * 0.39 × 1 + 11.8 × 1 − 15.59 = −3.40, the lowest grade the formula can give.
     */
    @Test
    void oneSyllableOneWordSentencesScoreTheFormulasFloor() {
        assertEquals(-3.40, Readability.fleschKincaidGrade("Stop. Look. Go."), 1e-9);
    }

    /**
     * English. "The cat sat on the mat.": 6 words, 1 sentence, 6 syllables (one each). Grade = 0.39 × 6 + 11.8 ×
     * 6/6 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45. "Your subscription ended automatically yesterday.": 5 words, 1
     * sentence; your 1 (ou), sub-scrip-tion 3 (u, i, io), end-ed 2, au-to-ma-ti-cal-ly 6 (au, o, a, i, a, y),
     * yes-ter-day 3 (ye, e, ay): 15 syllables. Grade = 0.39 × 5 + 11.8 × 15/5 − 15.59 = 1.95 + 35.4 − 15.59 = 21.76.
     * Both together: 11 words, 2 sentences, 21 syllables: 0.39 × 5.5 + 11.8 × 21/11 − 15.59 = 2.145 + 22.5273 − 15.59 =
     * 9.0823.
     */
    @Test
    void englishGradesMatchCountsWorkedOutByHand() {
        assertEquals(-1.45, Readability.fleschKincaidGrade("The cat sat on the mat."), 1e-9);
        assertEquals(21.76, Readability.fleschKincaidGrade("Your subscription ended automatically yesterday."), 1e-9);
        assertEquals(9.0823, Readability.fleschKincaidGrade(
                "The cat sat on the mat. Your subscription ended automatically yesterday."), 1e-4);
        assertEquals(new Readability.Counts(2, 11, 21, 3, 3, 7), Readability.englishCounts(
                "The cat sat on the mat.\nYour subscription ended automatically yesterday."));
        assertEquals(List.of(1, 2, 1, 2, 1, 1, 4, 2, 1), List.of("please", "table", "we're", "simple", "the", "page",
                "cancellation", "people", "31").stream().map(Readability::englishSyllables).toList());
    }

    /**
     * German. "Wir löschen Ihre Daten.": 4 words in 1 sentence (SL 4); wir 1, lö-schen 2, Ih-re 2, Da-ten 2, so
     * MS 0 %, ES 25 % (wir); IW 25 % ("löschen" has 7 letters). WSTF1 = 0.1672 × 4 + 0.1297 × 25 − 0.0327 × 25 −
     * 0.875 = 0.6688 + 3.2425 − 0.8175 − 0.875 = 2.2188. "Die Kündigungsbestätigung kommt automatisch.": SL 4; die 1
     * (ie once), Kün-di-gungs-be-stä-ti-gung 7, kommt 1, au-to-ma-tisch 4; MS 50 %, ES 50 %, IW 50 %. WSTF1 = 0.1935 ×
     * 50 + 0.1672 × 4 + 0.1297 × 50 − 0.0327 × 50 − 0.875 = 9.675 + 0.6688 + 6.485 − 1.635 − 0.875 = 14.3188.
     */
    @Test
    void germanGradesMatchCountsWorkedOutByHand() {
        assertEquals(2.2188, Readability.wienerSachtextformel1("Wir löschen Ihre Daten."), 1e-9);
        assertEquals(14.3188, Readability.wienerSachtextformel1("Die Kündigungsbestätigung kommt automatisch."), 1e-9);
        assertEquals(List.of(3, 2, 2, 1, 3, 1), List.of("Erstattung", "Ihre", "Zugang", "bleibt", "Einladung", "2026")
                .stream().map(Readability::germanSyllables).toList());
    }

    @Test
    void sentencesEndAtLinesAndStopsButNotAtGermanOrdinals() {
        assertEquals(List.of("Sie können das Abo bis 31. Dezember 2026 nutzen.", "Danach endet es."),
                Readability.sentences("Sie können das Abo bis 31. Dezember 2026 nutzen. Danach endet es."));
        assertEquals(List.of("Sie ist wirksam (31. Dezember 2026).", "Gut."),
                Readability.sentences("Sie ist wirksam (31. Dezember 2026). Gut."));
        assertEquals(List.of("Reference", "CX-7K2M-9QRT"), Readability.sentences("Reference\n\nCX-7K2M-9QRT\n"));
    }

    @Test
    void addressesAndLooseSignsAreNotWords() {
        assertEquals(List.of("Refund", "9.99", "CX-7K2M-9QRT"),
                Readability.words("Refund: €9.99 – CX-7K2M-9QRT, help@example.com https://help.example.com"));
    }
}
