package org.cancelportal.withdrawal.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.entity.RefundBasis;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;
import org.junit.jupiter.api.Test;

class WithdrawalWordingTest {

    private static WithdrawalWording wording(WithdrawalRefund refund, Locale locale) {
        return WithdrawalWording.of(refund, ResourceBundle.getBundle(PageMessages.BUNDLE, locale),
                new LocalizedFormat(locale, ZoneOffset.UTC));
    }

    private static WithdrawalRefund refund(String paid, String back, RefundBasis basis, int used, int days) {
        return new WithdrawalRefund(Money.of(paid, "EUR"), Money.of(back, "EUR"), basis, used, days);
    }

    @Test
    void aFullRefundSaysAllOfItComesBack() {
        WithdrawalWording en = wording(refund("30.00", "30.00", RefundBasis.FULL, 3, 30), Locale.ENGLISH);
        assertEquals("€30.00, to go back to the payment method you used", en.summary());
        assertEquals("You get back all you paid: €30.00.", en.explanation());
        WithdrawalWording de = wording(refund("30.00", "30.00", RefundBasis.FULL, 3, 30), Locale.GERMAN);
        assertEquals("30,00\u00a0€, zurück auf das Zahlungsmittel, mit dem Sie bezahlt haben", de.summary());
        assertEquals("Sie bekommen alles zurück, was Sie bezahlt haben: 30,00\u00a0€.", de.explanation());
    }

    @Test
    void aProportionalRefundNamesTheDaysUsedAndWhatIsKept() {
        WithdrawalRefund refund = refund("30.00", "27.00", RefundBasis.PROPORTIONAL, 3, 30);
        assertEquals("You asked us to start the service right away, so you pay only for the days you used: 3 of 30"
                + " days. Of the €30.00 you paid, we keep €3.00 and you get €27.00 back.",
                wording(refund, Locale.ENGLISH).explanation());
        assertEquals("Sie wollten, dass der Dienst sofort beginnt. Darum zahlen Sie nur die Tage, die Sie genutzt"
                + " haben: 3 von 30 Tagen. Von den 30,00\u00a0€, die Sie bezahlt haben, behalten wir 3,00\u00a0€, und"
                + " Sie bekommen 27,00\u00a0€ zurück.", wording(refund, Locale.GERMAN).explanation());
    }

    @Test
    void nothingBackSaysNoneAndNeverAZeroAmountToPay() {
        assertEquals("None", wording(refund("0.00", "0.00", RefundBasis.NOTHING_PAID, 2, 14), Locale.ENGLISH)
                .summary());
        assertEquals("Keine", wording(refund("30.00", "0.00", RefundBasis.PROPORTIONAL, 30, 30), Locale.GERMAN)
                .summary());
    }
}
