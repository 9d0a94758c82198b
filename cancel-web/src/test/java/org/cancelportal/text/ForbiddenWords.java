package org.cancelportal.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guilt, pressure and legal wording, in English and German, that no text of ours may use. Phrases are found
 * case-insensitively and as whole words ("hereby" is not in "here by", "gemäß" not in "ungemäßigt"), with ’ read as
 * ', so a typographic apostrophe does not hide "don’t go".
 */
public final class ForbiddenWords {

    public static final List<String> PHRASES = List.of(
            "are you sure", "lose all your", "you will lose", "you'll lose", "you'll miss", "you will miss",
            "last chance", "don't go", "do not go", "special offer", "exclusive offer", "before it's too late",
            "we'll miss you", "hereby", "herewith", "hereinafter", "pursuant", "notwithstanding", "in accordance with",
            "terminate the contract", "termination of the contract", "irrevocable", "irrevocably", "aforementioned",
            "sind Sie sicher", "wirklich kündigen", "letzte Chance", "Sonderangebot", "exklusives Angebot", "hiermit",
            "gemäß", "unwiderruflich", "vorbehaltlich", "unberührt", "Sie verlieren", "verlieren Sie", "nicht gehen",
            "Vertragsbeendigung", "obengenannt", "o. g.", "nachstehend", "vorstehend");

    private ForbiddenWords() {
    }

    /** The forbidden phrases the text uses, in the order of the list; empty when it uses none. */
    public static List<String> in(String text) {
        return PHRASES.stream().filter(phrase -> contains(text, phrase)).toList();
    }

    static boolean contains(String text, String phrase) {
        String normalised = text.replace('’', '\'');
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(normalised).find();
    }
}
