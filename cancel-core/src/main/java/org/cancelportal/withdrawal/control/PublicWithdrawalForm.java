package org.cancelportal.withdrawal.control;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public withdrawal page as typed: the name and contract as on the public cancel page, and an email address. Says
 * per field what cannot be used, as a message key, so the page can put each message beside its field.
 */
public record PublicWithdrawalForm(String name, String contract, String email) implements Serializable {

    public static final int MAX_TEXT = 200;
    public static final int MAX_EMAIL = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        text(problems, "name", name, MAX_TEXT);
        text(problems, "contract", contract, MAX_TEXT);
        if (blank(email)) {
            problems.put("email", "withdraw-contract.problem.email.missing");
        } else if (email.strip().length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            problems.put("email", "withdraw-contract.problem.email.invalid");
        }
        return problems;
    }

    private static void text(Map<String, String> problems, String field, String value, int max) {
        if (blank(value)) {
            problems.put(field, "withdraw-contract.problem." + field + ".missing");
        } else if (value.strip().length() > max) {
            problems.put(field, "withdraw-contract.problem." + field + ".too-long");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
