package org.cancelportal.reminder.control;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a notice may be sent, in whole days before the date it is about: it opens {@code opensDaysBefore} days before
 * and closes {@code closesDaysBefore} days before (7–30 days before a renewal: opens 30, closes 7). A notice sent
 * after its date (the cooling-off notice) counts negative days: opens 0, closes -3 is "within 3 days after".
 */
public record NoticeWindow(int opensDaysBefore, int closesDaysBefore) {

    public NoticeWindow {
        if (opensDaysBefore < closesDaysBefore) {
            throw new IllegalArgumentException("A window must open before it closes: " + opensDaysBefore + "-"
                    + closesDaysBefore);
        }
    }

    /** "7-30" as configured: the nearer and the farther number of days before the date. */
    public static NoticeWindow parse(String key, String configured) {
        String[] parts = configured.strip().split("-");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            int near = Integer.parseInt(parts[0].strip());
            int far = Integer.parseInt(parts[1].strip());
            return new NoticeWindow(Math.max(near, far), Math.min(near, far));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be two whole numbers of days, such as 7-30, not '"
                    + configured + "'");
        }
    }

    /** The days inside both windows; empty when they do not overlap. */
    public Optional<NoticeWindow> meeting(NoticeWindow other) {
        int opens = Math.min(opensDaysBefore, other.opensDaysBefore);
        int closes = Math.max(closesDaysBefore, other.closesDaysBefore);
        return opens >= closes ? Optional.of(new NoticeWindow(opens, closes)) : Optional.empty();
    }

    public LocalDate opensOn(LocalDate date) {
        return date.minusDays(opensDaysBefore);
    }

    public LocalDate closesOn(LocalDate date) {
        return date.minusDays(closesDaysBefore);
    }

    /** As written in configuration and the README. */
    @Override
    public String toString() {
        return closesDaysBefore + "-" + opensDaysBefore;
    }
}
