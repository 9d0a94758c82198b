package org.cancelportal.severalnodes;

import java.util.ArrayList;
import java.util.List;

/** What the proof found: each claim with whether it held, printed as it is made. */
final class Findings {

    private final List<String> failed = new ArrayList<>();
    private int passed;

    void check(boolean held, String claim) {
        if (held) {
            passed++;
            System.out.println("  PASS  " + claim);
        } else {
            failed.add(claim);
            System.out.println("  FAIL  " + claim);
        }
    }

    void figure(String text) {
        System.out.println("        " + text);
    }

    /** The closing line counts the claims; any that did not hold fails the run. */
    void close() {
        System.out.printf("%n%d passed, %d failed%n", passed, failed.size());
        if (!failed.isEmpty()) {
            throw new AssertionError("Not proven: " + String.join("; ", failed));
        }
    }
}
