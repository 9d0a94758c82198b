package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.TestServer;
import org.cancelportal.text.ForbiddenWords;
import org.cancelportal.text.Readability;
import org.cancelportal.text.VisibleText;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Plain language, measured on what people get: the pages as the test server renders them and the emails as they
 * arrive over SMTP, in English and in German. A subscriber signs in, reads what cancelling means, cancels at the end
 * of the period, answers the survey, undoes and cancels at once with a refund; a product person replies to the
 * answer; someone without an account sends the public form, once empty and once filled in. Every text read on the
 * way scores at or below the grade README.md states for its language (Flesch–Kincaid in English, the first Wiener
 * Sachtextformel in German) and uses none of the {@link ForbiddenWords}.
 *
 * <p>A page is read from its main content region (the consequence box alone on the account page), an email from its
 * subject and its HTML part, which is what mail programs show. Left out are what {@link VisibleText} leaves out: link
 * addresses, hidden markup, and the words people wrote rather than us (the reply, the quoted answer, what the sender
 * typed into the public form), which the test knows because it wrote them. Where a place has variants the journey
 * meets (the receipt after a cancellation, after its undo and after cancelling at once), they are scored together.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlainLanguageIT extends BothApplications {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    /** What the test waits at most for one email; the survey invitation alone is held back 3 s on the test server. */
    private static final Duration EMAIL_WAIT = Duration.ofSeconds(90);

    /** Fewer words than this means a page or email was not found, not that it reads well. */
    private static final int FEWEST_WORDS = 20;

    /** The goal, in both languages: what a pupil in the eighth school year reads. */
    private static final double HIGHEST_GRADE = 8.0;

    /** A placeholder left unfilled, a key a bundle lacks (Faces shows ???key???) or an expression left unevaluated. */
    private static final Pattern LEFT_OVER_MARKUP = Pattern.compile("\\{\\d|\\?\\?\\?|#\\{");

    private static final String MAIN_CONTENT = "main#content";

    /** Every reference is scored as the same one: its random letters would otherwise move the grade between runs. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(CX|DC)-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");

    /** Where the scored texts are kept for people to read, as the screenshots are. */
    private static final Path SCORED_TEXTS = Path.of("target", "plain-language");

    enum Place {
        CONSEQUENCE_BOX, RECEIPT_PAGE, RECEIPT_EMAIL, UNDO_EMAIL, SURVEY_INVITATION_EMAIL, SURVEY_REPLY_EMAIL,
        PUBLIC_CANCEL_FORM, PUBLIC_CANCEL_CONFIRMATION_PAGE, PUBLIC_CANCEL_CONFIRMATION_EMAIL
    }

    /**
     * A language, its formula and the range of grades README.md states for its texts ("Plain language" under what
     * the tests prove): change the two together. The range holds in every month: a long month name in the dates
     * (December, Dezember) raises a text's grade by up to 0.9 over a short one (March, März).
     */
    private record Language(String name, String tag, String browserLanguage, String formula,
                            ToDoubleFunction<String> grade, Function<String, Readability.Counts> counts,
                            double lowestStated, double highestStated, Typed typed) {
    }

    /** What the people in the journey write, in their language. */
    private record Typed(String comment, String fair, String reply, String contract, String name) {
    }

    private static final Language ENGLISH = new Language("English", "en", "en-US", "Flesch-Kincaid grade",
            Readability::fleschKincaidGrade, Readability::englishCounts, 2.0, 5.0,
            new Typed("It got too expensive for me.", "A cheaper plan for students.",
                    "Thank you for telling us. We are looking at a student price.", "Streaming Basic", "Anna Example"));

    private static final Language GERMAN = new Language("German", "de", "de-DE", "Wiener Sachtextformel 1",
            Readability::wienerSachtextformel1, Readability::germanCounts, 3.5, 8.0,
            new Typed("Es war mir zu teuer.", "Ein günstiger Tarif für Studierende.",
                    "Danke für Ihre Antwort. Wir prüfen einen Preis für Studierende.", "Streaming Basis",
                    "Anna Beispiel"));

    @Test
    void whatEnglishReadersGetReadsPlainly() throws Exception {
        assertReadsPlainly(ENGLISH, read(ENGLISH));
    }

    @Test
    void whatGermanReadersGetReadsPlainly() throws Exception {
        assertReadsPlainly(GERMAN, read(GERMAN));
    }

    private Map<Place, String> read(Language language) throws Exception {
        Map<Place, String> texts = new EnumMap<>(Place.class);
        Typed typed = language.typed();
        // a word no other answer holds, so the product person finds this answer among all the others
        String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String comment = typed.comment() + " " + marker;
        TestData.Person person = TestData.newSubscriber(portal, language.tag());
        try (Browser browser = new Browser(portal, language.browserLanguage())) {
            browser.signIn(person.email(), person.password());
            texts.put(Place.CONSEQUENCE_BOX, pageText(browser, "#content .consequences", List.of()));

            browser.press("Cancel at the end of the period", "Zum Ende des Zeitraums kündigen");
            String receiptUrl = browser.url();
            List<String> receiptPages = new ArrayList<>(List.of(pageText(browser, MAIN_CONTENT, List.of())));
            MimeMessage receipt = awaitEmails(person.email(), "receipt-email", 1).get(0);
            MimeMessage invitation = awaitEmails(person.email(), "survey-invitation", 1).get(0);
            texts.put(Place.SURVEY_INVITATION_EMAIL, emailText(invitation, List.of()));
            // the email leaves before its delivery's transaction commits the link it carries: a person never opens
            // it within those milliseconds, a test on a busy machine can
            TestData.awaitDelivered(portal, person.email(), "survey-invitation", 1);

            browser.openUrl(link(invitation, "/exit-survey/r/"));
            browser.field("survey:reason:1").click();
            browser.field("survey:comment").sendKeys(comment);
            browser.field("survey:fair").sendKeys(typed.fair());
            browser.field("survey:contact").click();
            browser.press("Send my answer", "Antwort senden");

            browser.forgetSession();
            browser.signIn(person.email(), person.password());
            browser.openUrl(receiptUrl);
            browser.press("Undo the cancellation", "Kündigung rückgängig machen");
            receiptPages.add(pageText(browser, MAIN_CONTENT, List.of()));
            MimeMessage undone = awaitEmails(person.email(), "receipt-email", 2).get(1);
            texts.put(Place.UNDO_EMAIL, emailText(undone, List.of()));

            browser.open("account");
            browser.press(browser.buttons().stream().map(button -> button.getAttribute("value"))
                    .filter(label -> label.startsWith("Cancel now") || label.startsWith("Sofort kündigen"))
                    .findFirst().orElseThrow(() -> new AssertionError("No button to cancel at once")));
            receiptPages.add(pageText(browser, MAIN_CONTENT, List.of()));
            MimeMessage immediateReceipt = awaitEmails(person.email(), "receipt-email", 3).get(2);
            texts.put(Place.RECEIPT_PAGE, String.join("\n", receiptPages));
            texts.put(Place.RECEIPT_EMAIL, emailText(receipt, List.of()) + "\n" + emailText(immediateReceipt, List.of()));

            browser.forgetSession();
            readPublicCancel(browser, typed, texts);
        }

        replyAsProductPerson(marker, typed.reply());
        MimeMessage reply = awaitEmails(person.email(), "survey-reply", 1).get(0);
        List<String> writtenByPeople = List.of(typed.reply(), comment, typed.fair());
        texts.put(Place.SURVEY_REPLY_EMAIL, emailText(reply, writtenByPeople));
        assertLeftOut(texts.get(Place.SURVEY_REPLY_EMAIL), writtenByPeople);
        return texts;
    }

    /** The form as it first shows and what it adds when sent empty, then the confirmation page and email. */
    private void readPublicCancel(Browser browser, Typed typed, Map<Place, String> texts) throws Exception {
        TestData.clearPublicCancelThrottle(portal);
        String accountEmail = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String confirmTo = "confirm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.open("cancel-contract");
        List<String> form = new ArrayList<>(pageLines(browser, MAIN_CONTENT, List.of()));
        browser.press("Cancel now", "Jetzt kündigen");
        List<String> problems = pageLines(browser, MAIN_CONTENT, List.of()).stream()
                .filter(line -> !form.contains(line)).toList();
        assertFalse(problems.isEmpty(), "sent empty, the form names what is missing");
        form.addAll(problems);
        texts.put(Place.PUBLIC_CANCEL_FORM, String.join("\n", form));

        browser.field("cancel:contract").sendKeys(typed.contract());
        browser.field("cancel:name").sendKeys(typed.name());
        browser.field("cancel:accountEmail").sendKeys(accountEmail);
        browser.field("cancel:confirmationEmail").sendKeys(confirmTo);
        browser.press("Cancel now", "Jetzt kündigen");
        List<String> typedIn = List.of(typed.contract(), typed.name(), accountEmail, confirmTo);
        texts.put(Place.PUBLIC_CANCEL_CONFIRMATION_PAGE, pageText(browser, MAIN_CONTENT, typedIn));
        assertLeftOut(texts.get(Place.PUBLIC_CANCEL_CONFIRMATION_PAGE), List.of(typed.contract(), typed.name()));
        texts.put(Place.PUBLIC_CANCEL_CONFIRMATION_EMAIL, emailText(awaitEmails(confirmTo, "declaration-email", 1)
                .get(0), typedIn));
        assertLeftOut(texts.get(Place.PUBLIC_CANCEL_CONFIRMATION_EMAIL), List.of(typed.contract()));
        TestData.clearPublicCancelThrottle(portal);
    }

    private void replyAsProductPerson(String marker, String reply) {
        TestData.Person product = TestData.newStaff(portal, "product");
        try (Browser staff = new Browser(survey, "en-US")) {
            staff.open("insights/answers?q=" + marker);
            staff.field("login:email").sendKeys(product.email());
            staff.field("login:password").sendKeys(product.password());
            staff.press("Sign in");
            staff.open("insights/answers?q=" + marker);
            List<String> answers = staff.idsOf("li.answer");
            assertEquals(1, answers.size(), "the one answer with " + marker + ": " + answers);
            staff.within(answers.get(0), "textarea").sendKeys(reply);
            staff.pressWithin(answers.get(0), "Send reply");
            assertTrue(staff.text().contains("Your reply is on its way."), staff.text());
        }
    }

    private static void assertReadsPlainly(Language language, Map<Place, String> texts) throws IOException {
        assertEquals(List.of(Place.values()), List.copyOf(texts.keySet()), "every place is read");
        Files.createDirectories(SCORED_TEXTS);
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<Place, String> entry : texts.entrySet()) {
            Place place = entry.getKey();
            String text = REFERENCE.matcher(entry.getValue()).replaceAll("$1-7K2M-9QRT");
            Files.writeString(SCORED_TEXTS.resolve(language.tag() + "-" + place + ".txt"), text + "\n");
            double grade = language.grade().applyAsDouble(text);
            Readability.Counts counts = language.counts().apply(text);
            System.out.printf(Locale.ROOT, "Plain language, %-7s %-33s %s %5.2f (%d words, %d sentences)%n",
                    language.name(), place, language.formula(), grade, counts.words(), counts.sentences());
            String where = language.name() + " " + place;
            checks.add(() -> assertTrue(counts.words() >= FEWEST_WORDS,
                    where + " has only " + counts.words() + " words:\n" + text));
            checks.add(() -> assertTrue(grade <= HIGHEST_GRADE && grade <= language.highestStated(),
                    () -> String.format(Locale.ROOT, "%s reads at %s %.2f, above %.1f, the highest README.md states:%n%s",
                            where, language.formula(), grade, language.highestStated(), text)));
            checks.add(() -> assertTrue(grade >= language.lowestStated(),
                    () -> String.format(Locale.ROOT, "%s reads at %s %.2f, below the %.1f README.md states: the"
                            + " README needs its figures updated%n%s", where, language.formula(), grade,
                            language.lowestStated(), text)));
            checks.add(() -> assertEquals(List.of(), ForbiddenWords.in(text), where + ":\n" + text));
            checks.add(() -> assertFalse(LEFT_OVER_MARKUP.matcher(text).find(),
                    where + " shows a placeholder or a missing key:\n" + text));
        }
        assertAll(checks);
    }

    private static String pageText(Browser browser, String region, List<String> writtenByPeople) {
        return String.join("\n", pageLines(browser, region, writtenByPeople));
    }

    private static List<String> pageLines(Browser browser, String region, List<String> writtenByPeople) {
        Element shown = Jsoup.parse(browser.html(), browser.url()).selectFirst(region);
        assertNotNull(shown, "no " + region + " on " + browser.url());
        return VisibleText.lines(shown, writtenByPeople);
    }

    private static String emailText(MimeMessage email, List<String> writtenByPeople) throws Exception {
        return email.getSubject() + "\n" + VisibleText.of(Jsoup.parse(htmlPart(email)).body(), writtenByPeople);
    }

    private static String htmlPart(MimeMessage email) throws MessagingException, IOException {
        MimeMultipart parts = (MimeMultipart) email.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/html")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("No HTML part in " + email.getSubject());
    }

    private static String link(MimeMessage email, String pathPart) throws Exception {
        Element link = Jsoup.parse(htmlPart(email)).selectFirst("a[href*=" + pathPart + "]");
        assertNotNull(link, "a link to " + pathPart + " in " + email.getSubject());
        return link.attr("href");
    }

    private static void assertLeftOut(String text, List<String> writtenByPeople) {
        writtenByPeople.forEach(words -> assertFalse(text.contains(words), "\"" + words + "\" is scored:\n" + text));
    }

    /**
     * The emails of this kind (the part of the Message-ID before "@cancelportal") to the address, in the order they
     * arrived, once there are at least that many; waits on GreenMail for each new email rather than polling.
     */
    private static List<MimeMessage> awaitEmails(String address, String kind, int count) throws MessagingException {
        long deadline = System.nanoTime() + EMAIL_WAIT.toNanos();
        while (true) {
            int receivedSoFar = SMTP.getReceivedMessages().length;
            List<MimeMessage> found = emailsTo(address, kind);
            if (found.size() >= count) {
                return found;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            assertTrue(left > 0 && SMTP.waitForIncomingEmail(left, receivedSoFar + 1),
                    count + " " + kind + " email(s) to " + address + " within " + EMAIL_WAIT + ", got " + found.size());
        }
    }

    private static List<MimeMessage> emailsTo(String address, String kind) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getMessageID().endsWith("." + kind + "@cancelportal>") && Arrays.stream(
                    message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equalsIgnoreCase(address))) {
                found.add(message);
            }
        }
        return found;
    }
}
