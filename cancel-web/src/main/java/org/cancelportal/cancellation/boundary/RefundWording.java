package org.cancelportal.cancellation.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import java.io.Serializable;
import java.util.Optional;
import java.util.ResourceBundle;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.text.LocalizedFormat;

/**
 * What the receipt, on the page and in every email, says of the refund: only what the operator has confirmed, or
 * plainly that it has not. A cancellation from before refunds were followed through has no refund record and says
 * just the amount.
 *
 * @param summary  the line beside "Refund"
 * @param nextStep what happens next with the money, or null when there is none to pay back
 * @param state    DUE, OVERDUE, PAID or FAILED; NONE without a refund; PROMISED without a record of one
 */
public record RefundWording(String summary, String nextStep, String state) implements Serializable {

    public static RefundWording of(Cancellation cancellation, Optional<Refund> refund, ResourceBundle words,
                                   LocalizedFormat formats) {
        return of(cancellation.getRefund(), refund, words, formats);
    }

    /** The same words for any promised amount: a cancellation's refund or a withdrawal's. */
    public static RefundWording of(Money promised, Optional<Refund> refund, ResourceBundle words,
                                   LocalizedFormat formats) {
        if (promised.isZero()) {
            return new RefundWording(words.getString("receipt.refund.none"), null, "NONE");
        }
        String amount = formats.money(promised);
        if (refund.isEmpty()) {
            return new RefundWording(format(words, "receipt.refund.amount", amount),
                    format(words, "receipt.next.refund", amount), "PROMISED");
        }
        Refund r = refund.get();
        String state = r.getStatus().name();
        String when = switch (r.getStatus()) {
            case PAID -> formats.date(r.getPaidOn());
            case FAILED -> r.getFailureReason();
            case DUE, OVERDUE -> formats.date(r.getDueBy());
        };
        return new RefundWording(format(words, "receipt.refund.short." + state, amount, when),
                format(words, "receipt.next.refund." + state, amount, when, r.getPaymentReference()), state);
    }
}
