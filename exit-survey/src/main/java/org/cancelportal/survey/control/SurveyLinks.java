package org.cancelportal.survey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.link.control.LinkSigner;

/**
 * The two links of an invitation: {@code <144 random bits>.<expiry>.<key>.<HMAC>}. Only the hash of the random part
 * is stored; the signature rejects forged or altered links before the database is asked.
 */
@ApplicationScoped
public class SurveyLinks {

    public static final String ANSWER = "survey-answer";
    public static final String OPT_OUT = "survey-opt-out";

    @Inject
    LinkSigner signer;

    public record Issued(String token, String secretHash) {
    }

    public Issued issue(String purpose, Instant expiresAt) {
        String secret = LinkSigner.randomToken();
        return new Issued(secret + "." + signer.sign(purpose, secret, expiresAt), LinkSigner.hash(secret));
    }

    /** The stored hash the token points to, if the token is genuine (expired or not: the caller says which). */
    public Optional<String> secretHash(String purpose, String token) {
        if (token == null || !token.contains(".")) {
            return Optional.empty();
        }
        String secret = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        return signer.expiry(purpose, secret, signature).map(expiry -> LinkSigner.hash(secret));
    }

    /** Derived from the answer link, so the same link can change the answer without the answer naming the person. */
    public static String editKeyHash(String answerToken) {
        return LinkSigner.hash("edit:" + answerToken.substring(0, Math.max(0, answerToken.indexOf('.'))));
    }
}
