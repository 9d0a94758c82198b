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
import java.util.Set;
import org.cancelportal.cancellation.control.CancellationPolicy;
import org.cancelportal.publiccancel.control.AutomaticCancellation;
import org.cancelportal.publiccancel.control.AutomaticCancellation.Route;
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

    /** Reference and time are ours, kind and end date were chosen among our words, the address is the reader's. */
    private static final Set<String> WITHOUT_TYPED_TEXT = Set.of("reference", "received", "kind", "end",
            "confirmation-email");

    @Inject
    PublicCancelSettings settings;

    @Inject
    CancellationPolicy policy;

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

    /**
     * Only what the sender chose among our words, and the times: for an address that is not the account's own, which
     * must not carry anything typed into the form.
     */
    public List<Fact> withoutTypedText(CancellationDeclaration declaration, Locale locale) {
        return of(declaration, locale).stream().filter(fact -> WITHOUT_TYPED_TEXT.contains(fact.id())).toList();
    }

    /**
     * What happens next: the same lines on the page and in the email, true whether or not it matched. They follow
     * the kind the sender chose and the policy, never the match: at once with an undo, after the owner's confirmation
     * when it would end access now or for good, or by support.
     */
    public List<String> nextSteps(CancellationDeclaration declaration, Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        int days = settings.answerWorkingDays();
        String nothing = format(words, "public-cancel.next.nothing", days, declaration.getReference());
        Route route = AutomaticCancellation.expectedRoute(declaration.declared().kind(), policy);
        if (route == Route.CONFIRM_BY_LINK) {
            String until = new LocalizedFormat(locale, settings.zone())
                    .dateTime(declaration.getReceivedAt().plus(settings.confirmLinkLifetime()));
            return List.of(words.getString("public-cancel.next.compare"),
                    words.getString("public-cancel.next.link"),
                    format(words, "public-cancel.next.link-ends", until),
                    words.getString("public-cancel.next.link-why"),
                    format(words, "public-cancel.next.link-unused", days),
                    nothing);
        }
        List<String> steps = new ArrayList<>(List.of(words.getString("public-cancel.next.compare"),
                words.getString("public-cancel.next.end"),
                format(words, "public-cancel.next.confirmation", days)));
        if (route == Route.CARRY_OUT) {
            steps.add(words.getString("public-cancel.next.undo"));
            steps.add(words.getString("public-cancel.next.at-once"));
        }
        steps.add(nothing);
        return steps;
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
