package org.cancelportal.operatordata.control;

import java.util.Optional;
import org.cancelportal.reminder.control.Jurisdiction;

/** The one check of a country an operator sends, through the API or in a file, and the words for a bad one. */
public final class Countries {

    private Countries() {
    }

    /** What is wrong with the code, if anything; none is fine (the strictest reminder rules then apply). */
    public static Optional<FieldProblem> problem(String field, String code) {
        if (code == null || !code.matches("[A-Z]{2}") || Jurisdiction.isCountryCode(code)) {
            return Optional.empty(); // the form is Bean Validation's to check
        }
        return Optional.of(new FieldProblem(field, "There is no country '" + code + "'. Use an ISO 3166-1 alpha-2"
                + " code such as 'DE', 'GB' or 'US'."));
    }
}
