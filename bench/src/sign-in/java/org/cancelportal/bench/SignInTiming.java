package org.cancelportal.bench;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.identity.control.PasswordHashes;
import org.cancelportal.identity.control.UserAccounts;
import org.cancelportal.identity.entity.UserAccount;
import org.cancelportal.web.security.PasswordIdentityStore;

/**
 * Prints how long the portal's password store takes to refuse a name no account has, to refuse a wrong password of
 * a real account, and to accept the right one: the store's own validate(), with the production hash cost, on an
 * account read from memory instead of the database (the lookup is the same one query in all three cases). The three
 * take turns within every round, each round starting with a different one, so a busy moment of the machine falls on
 * all of them alike; the medians and their ratios are printed. System properties: bench.warmups (2), bench.rounds (15).
 */
public final class SignInTiming {

    private static final String KNOWN = "known@example.com";
    private static final String PASSWORD = "the right password";

    private SignInTiming() {
    }

    /** One kind of sign-in and what the store must answer to it. */
    private record Attempt(String label, String name, String password, CredentialValidationResult.Status expected) {
    }

    public static void main(String[] args) throws Exception {
        int warmups = Integer.getInteger("bench.warmups", 2);
        int rounds = Integer.getInteger("bench.rounds", 15);
        PasswordIdentityStore store = storeWith(new UserAccount(KNOWN, PasswordHashes.hash(PASSWORD.toCharArray()),
                null, Set.of("subscriber")));
        List<Attempt> attempts = List.of(
                new Attempt("unknown name", "nobody@example.com", PASSWORD, CredentialValidationResult.Status.INVALID),
                new Attempt("known name, wrong password", KNOWN, "a wrong password",
                        CredentialValidationResult.Status.INVALID),
                new Attempt("known name, right password", KNOWN, PASSWORD, CredentialValidationResult.Status.VALID));

        System.out.printf(Locale.ROOT, "PBKDF2-HMAC-SHA256, %,d iterations; Java %s; %d cores; %d warm-up and %d"
                        + " timed rounds, the three in turns%n", PasswordHashes.ITERATIONS,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmups, rounds);
        double[][] millis = new double[attempts.size()][rounds];
        for (int round = -warmups; round < rounds; round++) {
            for (int turn = 0; turn < attempts.size(); turn++) {
                int which = Math.floorMod(round + turn, attempts.size());
                double took = timed(store, attempts.get(which));
                if (round >= 0) {
                    millis[which][round] = took;
                }
            }
        }

        double[] medians = new double[attempts.size()];
        for (int i = 0; i < attempts.size(); i++) {
            medians[i] = median(millis[i]);
            double[] sorted = millis[i].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-28s median %6.1f ms   (fastest %6.1f, slowest %6.1f)%n",
                    attempts.get(i).label(), medians[i], sorted[0], sorted[sorted.length - 1]);
        }
        System.out.printf(Locale.ROOT, "  unknown name / wrong password  %.3f%n", medians[0] / medians[1]);
        System.out.printf(Locale.ROOT, "  unknown name / right password  %.3f%n", medians[0] / medians[2]);
        System.out.printf(Locale.ROOT, "  wrong password / right password %.3f%n", medians[1] / medians[2]);
    }

    private static double timed(PasswordIdentityStore store, Attempt attempt) {
        long started = System.nanoTime();
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential(attempt.name(),
                attempt.password()));
        double took = (System.nanoTime() - started) / 1_000_000.0;
        if (result.getStatus() != attempt.expected()) {
            throw new IllegalStateException(attempt.label() + ": the store answered " + result.getStatus());
        }
        return took;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The store as the container makes it, with the one account it is asked about held in memory. */
    private static PasswordIdentityStore storeWith(UserAccount account) throws ReflectiveOperationException {
        PasswordIdentityStore store = new PasswordIdentityStore();
        Field accounts = PasswordIdentityStore.class.getDeclaredField("accounts");
        accounts.setAccessible(true);
        accounts.set(store, new UserAccounts() {
            @Override
            public Optional<UserAccount> byUsername(String username) {
                return normalise(username).equals(account.getUsername()) ? Optional.of(account) : Optional.empty();
            }
        });
        return store;
    }
}
