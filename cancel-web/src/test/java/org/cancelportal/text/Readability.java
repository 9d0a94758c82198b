package org.cancelportal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Two classic readability formulas, small enough to check by hand.
 *
 * <p>A text is split into sentences at every line break (headings, list items, labels and email paragraphs are read
 * as units of their own) and after ".", "!" or "?" followed by a space. A German ordinal like "31." before a month is
 * not a sentence end. A word is a whitespace-separated token with at least one letter or digit; email addresses and
 * web addresses are not words, and neither are loose signs like "€" or "–".
 *
 * <p>Syllables are estimated, not looked up:
 * <ul>
 * <li>English: every group of vowels (a, e, i, o, u, y) is a syllable; a silent "e" at the end ("please", "page")
 * takes one off, except after a consonant plus "l" ("table", "simple"); every word has at least one. Apostrophes
 * are ignored ("we're" is read as "were": one syllable).</li>
 * <li>German: every group of vowels (a, e, i, o, u, ä, ö, ü, y) is a syllable, so a diphthong or long vowel (ei, ie,
 * au, eu, äu, aa, ee, oo) counts once; every word has at least one.</li>
 * <li>A number ("31", "2026", "9,99") counts as one syllable, and as a word of its digits.</li>
 * </ul>
 */
public final class Readability {

    /** Counts of one text: what both formulas are computed from. */
    public record Counts(int sentences, int words, int syllables, int polysyllables, int longWords, int monosyllables) {
    }

    private static final Pattern LINE = Pattern.compile("\\R+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"”“»«)]*\\s+");
    private static final Pattern ORDINAL_AT_END = Pattern.compile("(?<![\\p{L}\\p{N}.,])\\d{1,2}\\.$");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern ENGLISH_VOWELS = Pattern.compile("[aeiouy]+");
    private static final Pattern GERMAN_VOWELS = Pattern.compile("[aeiouäöüy]+");

    private Readability() {
    }

    /** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
    public static double fleschKincaidGrade(String text) {
        Counts c = count(text, Readability::englishSyllables);
        return 0.39 * c.words() / c.sentences() + 11.8 * c.syllables() / c.words() - 15.59;
    }

    /**
     * First Wiener Sachtextformel (Bamberger and Vanecek), a school grade for German factual text:
     * 0.1935 × MS + 0.1672 × SL + 0.1297 × IW − 0.0327 × ES − 0.875, with MS the percentage of words of three or more
     * syllables, SL the mean sentence length in words, IW the percentage of words longer than six letters and ES the
     * percentage of words of one syllable.
     */
    public static double wienerSachtextformel1(String text) {
        Counts c = count(text, Readability::germanSyllables);
        double ms = 100.0 * c.polysyllables() / c.words();
        double sl = (double) c.words() / c.sentences();
        double iw = 100.0 * c.longWords() / c.words();
        double es = 100.0 * c.monosyllables() / c.words();
        return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875;
    }

    public static Counts englishCounts(String text) {
        return count(text, Readability::englishSyllables);
    }

    public static Counts germanCounts(String text) {
        return count(text, Readability::germanSyllables);
    }

    static int englishSyllables(String word) {
        String w = letters(word);
        if (w.isEmpty()) {
            return 1;
        }
        int groups = (int) ENGLISH_VOWELS.matcher(w).results().count();
        int n = w.length();
        boolean silentE = n > 2 && w.charAt(n - 1) == 'e' && !isVowel(w.charAt(n - 2))
                && !(w.charAt(n - 2) == 'l' && !isVowel(w.charAt(n - 3)));
        if (silentE && groups > 1) {
            groups--;
        }
        return Math.max(1, groups);
    }

    static int germanSyllables(String word) {
        String w = letters(word);
        return w.isEmpty() ? 1 : Math.max(1, (int) GERMAN_VOWELS.matcher(w).results().count());
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : LINE.split(text.strip())) {
            StringBuilder pending = new StringBuilder();
            for (String piece : SENTENCE_END.split(line.strip())) {
                pending.append(pending.isEmpty() ? "" : " ").append(piece);
                if (!ORDINAL_AT_END.matcher(piece).find()) {
                    add(sentences, pending.toString());
                    pending.setLength(0);
                }
            }
            add(sentences, pending.toString());
        }
        return sentences;
    }

    static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        for (String token : SPACE.split(sentence.strip())) {
            boolean address = token.contains("@") || token.contains("://");
            if (!address && token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""));
            }
        }
        return words;
    }

    private static Counts count(String text, ToIntFunction<String> syllablesOf) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        int polysyllables = 0;
        int longWords = 0;
        int monosyllables = 0;
        for (String sentence : sentences(text)) {
            List<String> inSentence = words(sentence);
            if (inSentence.isEmpty()) {
                continue;
            }
            sentences++;
            for (String word : inSentence) {
                int n = syllablesOf.applyAsInt(word);
                words++;
                syllables += n;
                polysyllables += n >= 3 ? 1 : 0;
                monosyllables += n == 1 ? 1 : 0;
                longWords += word.codePoints().filter(Character::isLetter).count() > 6 ? 1 : 0;
            }
        }
        if (words == 0) {
            throw new IllegalArgumentException("No words in: " + text);
        }
        return new Counts(sentences, words, syllables, polysyllables, longWords, monosyllables);
    }

    /** The word in lower case, letters only; a word of digits alone gives "" and so one syllable. */
    private static String letters(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static void add(List<String> sentences, String sentence) {
        if (!sentence.isBlank()) {
            sentences.add(sentence.strip());
        }
    }
}
