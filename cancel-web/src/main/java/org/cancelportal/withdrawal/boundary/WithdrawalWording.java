package org.cancelportal.withdrawal.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import java.io.Serializable;
import java.util.ResourceBundle;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;

/**
 * A withdrawal's refund in the reader's words: the amount in a line, and how it was worked out. Never says "paid":
 * what the portal knows is what is owed.
 */
public record WithdrawalWording(String amount, String summary, String explanation) implements Serializable {

    public static WithdrawalWording of(WithdrawalRefund refund, ResourceBundle words, LocalizedFormat formats) {
        String back = formats.money(refund.refund());
        String paid = formats.money(refund.paid());
        return switch (refund.basis()) {
            case NOTHING_PAID -> new WithdrawalWording(back, words.getString("withdrawal.refund.none"),
                    words.getString("withdrawal.refund.explain.NOTHING_PAID"));
            case FULL -> new WithdrawalWording(back, format(words, "withdrawal.refund.amount", back),
                    format(words, "withdrawal.refund.explain.FULL", paid));
            case PROPORTIONAL -> new WithdrawalWording(back, refund.refund().isZero()
                    ? words.getString("withdrawal.refund.none") : format(words, "withdrawal.refund.amount", back),
                    format(words, "withdrawal.refund.explain.PROPORTIONAL", paid, refund.daysUsed(),
                            refund.periodDays(), formats.money(refund.keptBack()), back));
        };
    }
}
