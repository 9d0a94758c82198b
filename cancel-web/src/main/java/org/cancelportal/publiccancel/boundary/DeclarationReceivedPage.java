package org.cancelportal.publiccancel.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cancelportal.publiccancel.control.PublicCancellations;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.web.DisplayFormat;

/**
 * The confirmation of a declaration at its signed address: what was sent and when it reached us, to print or save.
 * The same page whether or not the declaration matched a subscription. A forged or expired link answers 404 with a
 * page that says so.
 */
@Named("declarationReceived")
@RequestScoped
public class DeclarationReceivedPage {

    @Inject
    PublicCancellations declarations;

    @Inject
    DeclarationLinks links;

    @Inject
    DeclarationFacts facts;

    @Inject
    DisplayFormat format;

    @Inject
    ExternalContext external;

    private String reference;
    private String signature;
    private CancellationDeclaration declaration;

    /** A link that does not work says so on this page, which is public: the 404 page would ask to sign in. */
    public void load() {
        declaration = links.genuine(reference, signature) ? declarations.byReference(reference).orElse(null) : null;
        if (declaration == null) {
            external.setResponseStatus(404);
        }
    }

    public String getReceivedAt() {
        return facts.receivedAt(declaration, format.locale());
    }

    public List<DeclarationFacts.Fact> getFacts() {
        return facts.of(declaration, format.locale());
    }

    public List<String> getNextSteps() {
        return facts.nextSteps(declaration, format.locale());
    }

    /** The confirmation was not emailed: the typed address had its share of our emails within the window. */
    public boolean isEmailWithheld() {
        return declaration.isConfirmationWithheld();
    }

    public String getConfirmationEmail() {
        return declaration.declared().confirmationEmail();
    }

    public boolean isFound() {
        return declaration != null;
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
