package org.cancelportal.publiccancel.control;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.publiccancel.entity.Declared;

/**
 * When a declaration names one subscription for certain. The account email (looked up before this, ignoring case)
 * gives the subscriber's active subscriptions; the name must be the subscriber's name, ignoring case and extra
 * spaces; the contract must be the subscription's reference or the customer's reference (ignoring case, spaces and
 * dashes) or the plan's name (ignoring case and extra spaces). Exactly one active subscription must fit: with none or
 * several, a person decides.
 */
public final class ContractMatching {

    private ContractMatching() {
    }

    /** One active subscription of the account the declaration names, with what a person may call it. */
    public record Candidate(long subscriptionId, String subscriberName, String planName, String subscriptionReference,
                            String customerReference, String subscriberEmail) {
    }

    public static Optional<Candidate> match(Declared declared, List<Candidate> activeSubscriptionsOfAccount) {
        List<Candidate> fitting = activeSubscriptionsOfAccount.stream()
                .filter(candidate -> loose(candidate.subscriberName()).equals(loose(declared.name())))
                .filter(candidate -> names(declared.contract(), candidate))
                .toList();
        return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    private static boolean names(String contract, Candidate candidate) {
        String typed = compact(contract);
        return !typed.isEmpty() && (typed.equals(compact(candidate.subscriptionReference()))
                || typed.equals(compact(candidate.customerReference()))
                || loose(contract).equals(loose(candidate.planName())));
    }

    /** Case, extra spaces and the different ways to encode the same letter do not count. */
    static String loose(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }

    /** For references: only letters and digits count. */
    static String compact(String text) {
        return loose(text).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
