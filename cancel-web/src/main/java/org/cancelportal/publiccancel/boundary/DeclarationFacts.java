package org.cancelportal.publiccancel.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cancelportal.publiccancel.control.PublicCancelSettings;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.publiccancel.entity.Declared;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.PageMessages;

/**
 * A declaration as the confirmation page and the confirmation email both state it, word for word: what was sent, and
 * when it reached us. Nothing in it depends on whether it matched a subscription.
 */
@ApplicationScoped
public class DeclarationFacts {

    /** One line of the declaration: label and value, in the reader's language. */
    /** Serializable: the support desk's resolution page keeps the facts in its view, in the session. */
    public record Fact(String id, String label, String value) implements Serializable {
    }

    @Inject
    PublicCancelSettings settings;

    public ZoneId zone() {
        return settings.zone();
    }

    public String receivedAt(CancellationDeclaration declaration, Locale locale) {
        return new LocalizedFormat(locale, settings.zone()).dateTime(declaration.getReceivedAt());
    }

    public List<Fact> of(CancellationDeclaration declaration, Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        Declared declared = declaration.declared();
        List<Fact> facts = new ArrayList<>();
        facts.add(fact(words, "reference", declaration.getReference()));
        facts.add(fact(words, "received", receivedAt(declaration, locale)));
        facts.add(fact(words, "contract", declared.contract()));
        facts.add(fact(words, "name", declared.name()));
        facts.add(fact(words, "account-email", declared.accountEmail()));
        facts.add(fact(words, "kind", words.getString("public-cancel.kind." + declared.kind())));
        if (declared.kind() == DeclarationKind.EXTRAORDINARY) {
            facts.add(fact(words, "reason", declared.reason()));
        }
        facts.add(fact(words, "end", endDate(declared.desiredEnd(), words, locale)));
        facts.add(fact(words, "confirmation-email", declared.confirmationEmail()));
        return facts;
    }

    /** What happens next: the same lines on the page and in the email, true whether or not it matched. */
    public List<String> nextSteps(CancellationDeclaration declaration, Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        int days = settings.answerWorkingDays();
        return List.of(words.getString("public-cancel.next.compare"),
                words.getString("public-cancel.next.end"),
                format(words, "public-cancel.next.confirmation", days),
                format(words, "public-cancel.next.nothing", days, declaration.getReference()));
    }

    private static String endDate(LocalDate desiredEnd, ResourceBundle words, Locale locale) {
        return desiredEnd == null ? words.getString("public-cancel.end.earliest")
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(desiredEnd);
    }

    private static Fact fact(ResourceBundle words, String id, String value) {
        return new Fact(id, words.getString("public-cancel.fact." + id), value);
    }

    private static String format(ResourceBundle words, String key, Object... arguments) {
        return new java.text.MessageFormat(words.getString(key), words.getLocale()).format(arguments);
    }
}
