package org.cancelportal.publiccancel.entity;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The content of a declaration after checking: every field trimmed, the reason only for an extraordinary one, no
 * desired end meaning "as early as possible". The locale is the language of the page it was sent from.
 */
public record Declared(String contract, String name, String accountEmail, DeclarationKind kind, String reason,
                       LocalDate desiredEnd, String confirmationEmail, Locale locale) {
}
