package org.cancelportal.mail.control;

import java.util.Locale;

/**
 * One email, fully worded. The message id is derived from what caused the email (event and consumer), so a rare
 * second delivery carries the same Message-ID and is recognisable as the same message.
 */
public record OutgoingEmail(String messageId, String kind, Long subscriberId, String to, Locale locale,
                            String subject, String text, String html) {
}
