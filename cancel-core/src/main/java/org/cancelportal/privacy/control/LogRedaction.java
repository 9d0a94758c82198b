package org.cancelportal.privacy.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps email addresses out of the log. Exceptions carry them in their messages (the mail library names the
 * recipient it refused, the database the key it found twice); what is logged is a copy with each address replaced by
 * a short hash of it, so two records about one address can still be matched, with the class names and the stack
 * traces of the original.
 */
public final class LogRedaction {

    /** Anything around an @ that could belong to an address, a refused one with a space in it included. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\"'`,;:]+(?: ?)@[^\\s<>()\\[\\]\"'`,;:]+");

    private LogRedaction() {
    }

    public static String text(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher matcher = ADDRESS.matcher(text);
        StringBuilder redacted = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(redacted, Matcher.quoteReplacement(hashed(matcher.group())));
        }
        matcher.appendTail(redacted);
        return redacted.toString();
    }

    /** The address as the log names it: "address#" and the first 12 hex digits of its SHA-256. */
    public static String hashed(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return "address#" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A copy of the exception and its causes for the log: same classes named, same stack traces, no address. */
    public static Throwable throwable(Throwable error) {
        return error == null ? null : copy(error, 0);
    }

    private static Throwable copy(Throwable error, int depth) {
        Throwable cause = error.getCause() != null && error.getCause() != error && depth < 20
                ? copy(error.getCause(), depth + 1) : null;
        Logged logged = new Logged(error.getClass().getName() + (error.getMessage() != null
                ? ": " + text(error.getMessage()) : ""), cause);
        logged.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            logged.addSuppressed(copy(suppressed, depth + 1));
        }
        return logged;
    }

    /** Prints as the original would have, the message redacted. */
    private static final class Logged extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Logged(String message, Throwable cause) {
            super(message, cause, true, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
