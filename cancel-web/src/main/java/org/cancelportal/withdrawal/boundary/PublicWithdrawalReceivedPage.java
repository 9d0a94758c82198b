package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cancelportal.publiccancel.control.PublicCancelSettings;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.withdrawal.control.PublicWithdrawals;

/**
 * /withdraw-contract/received?ref=WR-...&amp;sig=...: what reached us and when, and what happens next. Made only of the
 * reference and the time of receipt, never of what was typed, and the same whether or not anything matched.
 */
@Named("withdrawalReceived")
@RequestScoped
public class PublicWithdrawalReceivedPage {

    @Inject
    PublicWithdrawals declarations;

    @Inject
    PublicWithdrawalLinks links;

    @Inject
    PublicCancelSettings publicCancel;

    @Inject
    DisplayFormat format;

    private String reference;
    private String signature;
    private String receivedAt;
    private String email;
    private boolean emailWithheld;

    public void load() {
        if (reference == null || !links.verifyReceived(reference, signature)) {
            return;
        }
        declarations.byReference(reference).ifPresent(declaration -> {
            receivedAt = format.dateTime(declaration.getReceivedAt(), publicCancel.zone());
            email = declaration.getEmail();
            emailWithheld = declaration.isConfirmationWithheld();
        });
    }

    /** No email went to the typed address: it had its share of our emails lately. The same whether or not it matched. */
    public boolean isEmailWithheld() {
        return emailWithheld;
    }

    public String getEmail() {
        return email;
    }

    public boolean isValid() {
        return receivedAt != null;
    }

    public String getReceivedAt() {
        return receivedAt;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }
}
