package org.cancelportal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plain language: what cancelling means, the receipt and the emails read at grade 8 or lower, in English by the
 * Flesch–Kincaid grade and in German by the first Wiener Sachtextformel, and no text pressures, guilts or speaks
 * legalese.
 *
 * <p>Each text is put together from the bundle keys it is made of, the way its page or email shows them, with example
 * values for the placeholders. Where a text has variants (a refund or none, a free trial, access ending now or later,
 * a cancellation or its undo, each way of handling data), every variant's wording is in it once, so no wording a
 * reader may meet goes unmeasured. Words written by people rather than by the bundles (a product person's reply, the
 * quoted answer) and link addresses are left out.
 */
class PlainLanguageTest {

    private static final double HIGHEST_GRADE = 8.0;

    private static final List<String> DATA_KEYS = List.of(
            "data.deleted-after-30-days", "data.deleted-when-access-ends", "data.deleted-except-invoices");

    /** Guilt, pressure and legal wording. Compared case-insensitively, as whole words, with ’ read as '. */
    private static final List<String> FORBIDDEN = List.of(
            "are you sure", "lose all your", "you will lose", "you'll lose", "you'll miss", "you will miss",
            "last chance", "don't go", "do not go", "special offer", "exclusive offer", "before it's too late",
            "we'll miss you", "hereby", "herewith", "hereinafter", "pursuant", "notwithstanding", "in accordance with",
            "terminate the contract", "termination of the contract", "irrevocabl", "aforementioned",
            "sind Sie sicher", "wirklich kündigen", "letzte Chance", "Sonderangebot", "exklusives Angebot", "hiermit",
            "gemäß", "unwiderruflich", "vorbehaltlich", "unberührt", "Sie verlieren", "verlieren Sie", "nicht gehen",
            "Vertragsbeendigung", "obengenannt", "o. g.", "nachstehend", "vorstehend");

    /** The texts the requirement names; the survey emails are two, as they are sent at different times. */
    enum Place {
        CONSEQUENCE_BOX(PlainLanguageTest::consequenceBox),
        RECEIPT_PAGE(PlainLanguageTest::receiptPage),
        RECEIPT_EMAIL(PlainLanguageTest::receiptEmail),
        SURVEY_INVITATION_EMAIL(PlainLanguageTest::surveyInvitationEmail),
        SURVEY_REPLY_EMAIL(PlainLanguageTest::surveyReplyEmail),
        PUBLIC_CANCEL_FORM(PlainLanguageTest::publicCancelForm),
        PUBLIC_CANCEL_CONFIRMATION(PlainLanguageTest::publicCancelConfirmation);

        private final Function<Language, String> text;

        Place(Function<Language, String> text) {
            this.text = text;
        }

        String text(Language language) {
            return language.noPlaceholdersLeft(text.apply(language));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Place.class)
    void englishReadsAtGradeEightOrLower(Place place) {
        String text = place.text(Language.english());
        double grade = Readability.fleschKincaidGrade(text);
        Readability.Counts counts = Readability.englishCounts(text);
        System.out.printf(Locale.ROOT, "Plain language, English, %-24s Flesch-Kincaid grade %5.2f (%d words, %d"
                + " sentences, %d syllables)%n", place, grade, counts.words(), counts.sentences(), counts.syllables());
        assertTrue(grade <= HIGHEST_GRADE, () -> place + " reads at Flesch-Kincaid grade "
                + String.format(Locale.ROOT, "%.2f", grade) + ", above " + HIGHEST_GRADE + ":\n" + text);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Place.class)
    void germanReadsAtGradeEightOrLower(Place place) {
        String text = place.text(Language.german());
        double grade = Readability.wienerSachtextformel1(text);
        Readability.Counts counts = Readability.germanCounts(text);
        System.out.printf(Locale.ROOT, "Plain language, German,  %-24s Wiener Sachtextformel 1 %5.2f (%d words, %d"
                + " sentences, %d of 3+ syllables, %d longer than 6 letters, %d of 1 syllable)%n", place, grade,
                counts.words(), counts.sentences(), counts.polysyllables(), counts.longWords(),
                counts.monosyllables());
        assertTrue(grade <= HIGHEST_GRADE, () -> place + " reads at Wiener Sachtextformel "
                + String.format(Locale.ROOT, "%.2f", grade) + ", above " + HIGHEST_GRADE + ":\n" + text);
    }

    @Test
    void noPressureGuiltOrLegalese() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language language : List.of(Language.english(), Language.german())) {
            for (Place place : Place.values()) {
                texts.put(language.language() + " " + place, place.text(language));
            }
        }
        for (String file : List.of("messages.properties", "messages_en.properties", "messages_de.properties")) {
            ResourceBundle bundle = fromClasspath("/org/cancelportal/web/i18n/" + file);
            Collections.list(bundle.getKeys()).forEach(key -> texts.put(file + " " + key, bundle.getString(key)));
        }
        for (String file : List.of("common.properties", "common_de.properties")) {
            ResourceBundle bundle = fromClasspath("/org/cancelportal/text/" + file);
            Collections.list(bundle.getKeys()).forEach(key -> texts.put(file + " " + key, bundle.getString(key)));
        }
        for (String file : List.of("messages.properties", "messages_de.properties")) {
            ResourceBundle bundle = fromFile(surveyBundles().resolve(file));
            Collections.list(bundle.getKeys()).stream().filter(key -> key.startsWith("mail.") || key.startsWith("form."))
                    .forEach(key -> texts.put("exit-survey " + file + " " + key, bundle.getString(key)));
        }

        List<String> found = new ArrayList<>();
        texts.forEach((where, text) -> FORBIDDEN.stream().filter(phrase -> contains(text, phrase))
                .forEach(phrase -> found.add(where + ": \"" + phrase + "\"")));
        assertEquals(List.of(), found);
    }

    @Test
    void theForbiddenListCatchesPressureButNotAPoliteGoodbye() {
        assertTrue(contains("Are you SURE you want to lose all your benefits?", "are you sure"));
        assertTrue(contains("Are you sure you want to lose all your benefits?", "lose all your"));
        assertTrue(contains("Don’t go!", "don't go"));
        assertTrue(contains("Wollen Sie wirklich kündigen? Sind Sie sicher?", "sind Sie sicher"));
        assertTrue(contains("Hiermit kündige ich gemäß § 5.", "gemäß"));
        assertFalse(FORBIDDEN.stream().anyMatch(phrase -> contains("We're sorry to see you go.", phrase)));
        assertFalse(FORBIDDEN.stream().anyMatch(phrase -> contains("Schade, dass Sie gehen.", phrase)));
        assertFalse(contains("Your subscription ends here", "hereby"), "whole words only");
    }

    /**
     * The formulas on sentences counted by hand, so a wrong syllable count or a wrong coefficient fails here.
     *
     * <p>English. "The cat sat on the mat.": 6 words, 1 sentence, 6 syllables (one each). Grade = 0.39 × 6 + 11.8 ×
     * 6/6 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45. "Your subscription ended automatically yesterday.": 5 words, 1
     * sentence; your 1 (ou), sub-scrip-tion 3 (u, i, io), end-ed 2, au-to-ma-ti-cal-ly 6 (au, o, a, i, a, y),
     * yes-ter-day 3 (ye, e, ay): 15 syllables. Grade = 0.39 × 5 + 11.8 × 15/5 − 15.59 = 1.95 + 35.4 − 15.59 = 21.76.
     * Both together: 11 words, 2 sentences, 21 syllables: 0.39 × 5.5 + 11.8 × 21/11 − 15.59 = 2.145 + 22.5273 − 15.59 =
     * 9.0823.
     *
     * <p>German. "Wir löschen Ihre Daten.": 4 words in 1 sentence (SL 4); wir 1, lö-schen 2, Ih-re 2, Da-ten 2, so
     * MS 0 %, ES 25 % (wir); IW 25 % ("löschen" has 7 letters). WSTF1 = 0.1672 × 4 + 0.1297 × 25 − 0.0327 × 25 −
     * 0.875 = 0.6688 + 3.2425 − 0.8175 − 0.875 = 2.2188. "Die Kündigungsbestätigung kommt automatisch.": SL 4; die 1
     * (ie once), Kün-di-gungs-be-stä-ti-gung 7, kommt 1, au-to-ma-tisch 4; MS 50 %, ES 50 %, IW 50 %. WSTF1 = 0.1935 ×
     * 50 + 0.1672 × 4 + 0.1297 × 50 − 0.0327 × 50 − 0.875 = 9.675 + 0.6688 + 6.485 − 1.635 − 0.875 = 14.3188.
     */
    @Test
    void formulasMatchCountsWorkedOutByHand() {
        assertEquals(-1.45, Readability.fleschKincaidGrade("The cat sat on the mat."), 1e-9);
        assertEquals(21.76, Readability.fleschKincaidGrade("Your subscription ended automatically yesterday."), 1e-9);
        assertEquals(9.0823, Readability.fleschKincaidGrade(
                "The cat sat on the mat. Your subscription ended automatically yesterday."), 1e-4);
        assertEquals(new Readability.Counts(2, 11, 21, 3, 3, 7), Readability.englishCounts(
                "The cat sat on the mat.\nYour subscription ended automatically yesterday."));

        assertEquals(2.2188, Readability.wienerSachtextformel1("Wir löschen Ihre Daten."), 1e-9);
        assertEquals(14.3188, Readability.wienerSachtextformel1("Die Kündigungsbestätigung kommt automatisch."), 1e-9);

        assertEquals(List.of(1, 2, 1, 2, 1, 1, 4, 2, 1), List.of("please", "table", "we're", "simple", "the", "page",
                "cancellation", "people", "31").stream().map(Readability::englishSyllables).toList());
        assertEquals(List.of(3, 2, 2, 1, 3, 1), List.of("Erstattung", "Ihre", "Zugang", "bleibt", "Einladung", "2026")
                .stream().map(Readability::germanSyllables).toList());
        assertEquals(List.of("Sie können das Abo bis 31. Dezember 2026 nutzen.", "Danach endet es."),
                Readability.sentences("Sie können das Abo bis 31. Dezember 2026 nutzen. Danach endet es."));
        assertEquals(List.of("Sie ist wirksam (31. Dezember 2026).", "Gut."),
                Readability.sentences("Sie ist wirksam (31. Dezember 2026). Gut."));
        assertEquals(List.of("Refund", "9.99", "CX-7K2M-9QRT"),
                Readability.words("Refund: €9.99 – CX-7K2M-9QRT, help@example.com https://help.example.com"));
    }

    // The texts, as account.xhtml, receipt.xhtml, ReceiptEmail, InvitationEmail and ReplyEmail put them together.

    /** What cancelling means, on the account page (account.xhtml, class "consequences"). */
    static String consequenceBox(Language l) {
        List<String> lines = new ArrayList<>(List.of(
                l.web("cancel.box.heading"),
                l.web("cancel.box.keep-access", l.date),
                l.web("cancel.box.access-ends-now"),
                l.web("cancel.box.no-more-charges"),
                l.web("cancel.box.no-charges-trial"),
                l.web("cancel.box.refund-amount", l.amount),
                l.web("cancel.box.refund-none"),
                l.web("cancel.box.refund-none-trial")));
        DATA_KEYS.forEach(key -> lines.add(l.web("cancel.box.data", l.web(key))));
        lines.add(l.web("cancel.box.or-now", l.amount));
        lines.add(l.web("cancel.box.or-now-no-refund"));
        return String.join("\n", lines);
    }

    /** The receipt page (receipt.xhtml) and the messages it shows after an undo. */
    static String receiptPage(Language l) {
        List<String> lines = new ArrayList<>(List.of(
                l.web("receipt.heading.confirmed"),
                l.web("receipt.lead.confirmed", l.plan),
                l.web("receipt.heading.ended"),
                l.web("receipt.lead.ended", l.plan),
                l.web("receipt.heading.undone"),
                l.web("receipt.lead.undone", l.plan, l.date)));
        lines.addAll(receiptFacts(l));
        lines.add(l.web("receipt.next.heading"));
        lines.addAll(whatHappensNext(l));
        lines.addAll(List.of(
                l.web("receipt.undone.next"),
                l.web("receipt.cancel-again"),
                l.web("receipt.undo.heading"),
                l.web("receipt.undo.text", l.date),
                l.web("receipt.undo.button"),
                l.web("receipt.signed-in-to-undo"),
                l.web("receipt.sign-in"),
                l.web("receipt.undo.done"),
                l.web("receipt.undo.too-late", l.date),
                l.web("receipt.save"),
                l.web("receipt.back")));
        return String.join("\n", lines);
    }

    /** The receipt email and the email after an undo (ReceiptEmail with CommonEmailParts). */
    static String receiptEmail(Language l) {
        List<String> lines = new ArrayList<>(List.of(
                l.web("mail.receipt.subject", l.plan, l.reference),
                l.web("mail.undone.subject", l.plan, l.reference),
                l.common("mail.greeting", l.person),
                l.web("mail.receipt.intro", l.plan)));
        lines.addAll(receiptFacts(l));
        lines.add(l.web("receipt.next.heading"));
        lines.addAll(whatHappensNext(l));
        lines.addAll(List.of(
                l.web("receipt.undo.heading"),
                l.web("mail.receipt.undo", l.date),
                l.web("mail.undone.intro", l.plan, l.reference, l.date),
                l.web("receipt.undone.next"),
                l.web("receipt.cancel-again"),
                l.web("mail.receipt.link")));
        lines.addAll(emailEnd(l));
        return String.join("\n", lines);
    }

    /** The survey invitation and its one reminder (InvitationEmail). */
    static String surveyInvitationEmail(Language l) {
        List<String> lines = new ArrayList<>(List.of(
                l.survey("mail.subject"),
                l.survey("mail.reminder.subject"),
                l.common("mail.greeting", l.person),
                l.survey("mail.thanks"),
                l.survey("mail.question"),
                l.survey("mail.answer"),
                l.survey("mail.until", l.date) + " " + l.survey("mail.reminder.only"),
                l.survey("mail.opt-out.text"),
                l.survey("mail.opt-out")));
        lines.addAll(emailEnd(l));
        return String.join("\n", lines);
    }

    /** A product person's reply to a survey answer (ReplyEmail), without the reply and the quote themselves. */
    static String surveyReplyEmail(Language l) {
        List<String> lines = new ArrayList<>(List.of(
                l.survey("mail.reply.subject"),
                l.common("mail.greeting", l.person),
                l.survey("mail.reply.intro"),
                l.survey("mail.reply.you-wrote"),
                l.survey("mail.reply.no-obligation")));
        lines.addAll(emailEnd(l));
        return String.join("\n", lines);
    }

    /** The facts at the top of the receipt, as "label: value" the way the email's text part writes them. */
    private static List<String> receiptFacts(Language l) {
        return List.of(
                l.web("receipt.reference") + ": " + l.reference,
                l.web("receipt.received") + ": " + l.date,
                l.web("receipt.subscription") + ": " + l.plan,
                l.web("receipt.effective") + ": " + l.date,
                l.web("receipt.effective.immediate") + ": " + l.date,
                l.web("receipt.refund") + ": " + l.web("receipt.refund.amount", l.amount),
                l.web("receipt.refund") + ": " + l.web("receipt.refund.none"));
    }

    private static List<String> whatHappensNext(Language l) {
        List<String> lines = new ArrayList<>(List.of(
                l.web("receipt.next.no-charges"),
                l.web("receipt.next.keep-access", l.date),
                l.web("receipt.next.access-ended", l.date),
                l.web("receipt.next.refund", l.amount)));
        DATA_KEYS.forEach(key -> lines.add(l.web("receipt.next.data", l.web(key))));
        lines.add(l.web("receipt.next.survey"));
        return lines;
    }

    /** The public cancellation form (cancel-contract.xhtml) with every message it can show. */
    static String publicCancelForm(Language l) {
        List<String> lines = new ArrayList<>(List.of(l.common("public-cancel.link")));
        for (String key : List.of("heading", "intro", "account-hint", "account-link", "contract", "contract.hint", "name",
                "name.hint", "account-email", "account-email.hint", "kind", "kind.ORDINARY", "kind.EXTRAORDINARY",
                "reason", "reason.hint", "end", "end.hint", "confirmation-email", "confirmation-email.hint",
                "send.hint", "button", "check-fields", "problem.contract.missing", "problem.name.missing",
                "problem.account-email.missing", "problem.account-email.invalid", "problem.kind",
                "problem.reason.missing", "problem.desired-end.invalid", "problem.desired-end.past",
                "problem.desired-end.too-far", "problem.confirmation-email.missing")) {
            lines.add(l.web("public-cancel." + key));
        }
        lines.add(l.web("public-cancel.problem.contract.too-long", 200, 2000));
        lines.add(l.web("public-cancel.problem.reason.too-long", 200, 2000));
        lines.add(l.web("public-cancel.throttled", 5));
        return String.join("\n", lines);
    }

    /** The confirmation of a declaration: page (cancel-contract/received.xhtml) and email (DeclarationEmail). */
    static String publicCancelConfirmation(Language l) {
        List<String> lines = new ArrayList<>(List.of(
                l.web("public-cancel.mail.subject", "DC-7K2M-9QRT"),
                l.web("public-cancel.received.heading"),
                l.web("public-cancel.received.lead", l.date, "anna@example.com"),
                l.common("mail.greeting", l.person),
                l.web("public-cancel.mail.intro", l.date)));
        lines.addAll(List.of(
                l.web("public-cancel.fact.reference") + ": DC-7K2M-9QRT",
                l.web("public-cancel.fact.received") + ": " + l.date,
                l.web("public-cancel.fact.contract") + ": " + l.plan,
                l.web("public-cancel.fact.name") + ": " + l.person,
                l.web("public-cancel.fact.account-email") + ": anna@example.com",
                l.web("public-cancel.fact.kind") + ": " + l.web("public-cancel.kind.ORDINARY"),
                l.web("public-cancel.fact.reason") + ": " + l.web("public-cancel.kind.EXTRAORDINARY"),
                l.web("public-cancel.fact.end") + ": " + l.web("public-cancel.end.earliest"),
                l.web("public-cancel.fact.confirmation-email") + ": anna@example.com",
                l.web("public-cancel.next.heading"),
                l.web("public-cancel.next.compare"),
                l.web("public-cancel.next.end"),
                l.web("public-cancel.next.confirmation", 2),
                l.web("public-cancel.next.nothing", 2, "DC-7K2M-9QRT"),
                l.web("receipt.save"),
                l.web("public-cancel.link-broken.heading"),
                l.web("public-cancel.link-broken.text"),
                l.web("public-cancel.mail.link")));
        lines.addAll(emailEnd(l).subList(0, emailEnd(l).size() - 1));
        lines.add(l.common("mail.why.declaration"));
        return String.join("\n", lines);
    }

    /** Support contacts, signature and why the email came (CommonEmailParts.finish). */
    private static List<String> emailEnd(Language l) {
        return List.of(
                l.common("support.heading"),
                l.common("support.intro"),
                l.common("support.email") + ": help@example.com",
                l.common("support.phone") + ": +49 30 1234 5678",
                l.common("support.helpdesk") + ": https://help.example.com",
                l.common("support.hours") + ": " + l.hours,
                l.common("mail.signature"),
                l.common("mail.why"));
    }

    /** One language's bundles, each without fallback to another language, and example values as shown to readers. */
    record Language(String language, Locale locale, ResourceBundle web, ResourceBundle common, ResourceBundle survey,
                    String person, String plan, String date, String amount, String reference, String hours) {

        static Language english() {
            return new Language("English", Locale.ENGLISH, webBundle("messages.properties"),
                    fromClasspath("/org/cancelportal/text/common.properties"), surveyBundle("messages.properties"),
                    "Anna", "Streaming Basic", "31 December 2026", "€9.99", "CX-7K2M-9QRT",
                    "Mon–Fri 8:00–20:00 (CET)");
        }

        static Language german() {
            return new Language("German", Locale.GERMAN, webBundle("messages_de.properties"),
                    fromClasspath("/org/cancelportal/text/common_de.properties"), surveyBundle("messages_de.properties"),
                    "Anna", "Streaming Basic", "31. Dezember 2026", "9,99 €", "CX-7K2M-9QRT",
                    "Mo–Fr 8:00–20:00 Uhr (MEZ)");
        }

        String web(String key, Object... arguments) {
            return format(web, key, arguments);
        }

        String common(String key, Object... arguments) {
            return format(common, key, arguments);
        }

        String survey(String key, Object... arguments) {
            return format(survey, key, arguments);
        }

        String noPlaceholdersLeft(String text) {
            assertFalse(Pattern.compile("\\{\\d").matcher(text).find(), () -> language + ": a placeholder is left:\n" + text);
            return text;
        }

        private String format(ResourceBundle bundle, String key, Object... arguments) {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        }

        private static ResourceBundle webBundle(String file) {
            return fromClasspath("/org/cancelportal/web/i18n/" + file);
        }

        private static ResourceBundle surveyBundle(String file) {
            try {
                return fromFile(surveyBundles().resolve(file));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean contains(String text, String phrase) {
        String normalised = text.replace('’', '\'');
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(normalised).find();
    }

    /** The exit survey is a WAR of its own and not on this module's class path: its bundles are read from source. */
    private static Path surveyBundles() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path bundles = module.resolveSibling("exit-survey").resolve("src/main/resources/org/cancelportal/survey/i18n");
        if (!Files.isDirectory(bundles)) {
            fail("The exit survey's bundles are not at " + bundles);
        }
        return bundles;
    }

    private static ResourceBundle fromClasspath(String resource) {
        try (InputStream in = PlainLanguageTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResourceBundle fromFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Read as ResourceBundle reads properties files since Java 9: UTF-8, with \\u escapes. */
    private static ResourceBundle read(InputStream in) throws IOException {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new PropertyResourceBundle(reader);
        }
    }
}
