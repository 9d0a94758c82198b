package org.cancelportal.publiccancel.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cancelportal.publiccancel.control.DeclarationForm;
import org.cancelportal.publiccancel.control.PublicCancelSettings;
import org.cancelportal.publiccancel.control.PublicCancellations;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;

/**
 * The public cancellation form at /cancel-contract: no account, no password. A form with problems is shown again with
 * a message at each field and nothing recorded; a good one is recorded, and the browser is sent on to its
 * confirmation (post, redirect, get), so a refresh never sends it twice.
 */
@Named("cancelContract")
@RequestScoped
public class CancelContractPage {

    @Inject
    PublicCancellations declarations;

    @Inject
    PublicCancelSettings settings;

    @Inject
    DeclarationLinks links;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    @Inject
    ExternalContext external;

    private String contract;
    private String name;
    private String accountEmail;
    private String kind = "ORDINARY";
    private String reason;
    private String desiredEnd;
    private String confirmationEmail;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public void send() {
        DeclarationForm form = new DeclarationForm(contract, name, accountEmail, kind, reason, desiredEnd,
                confirmationEmail);
        form.problems(settings.today()).forEach((field, key) -> problems.put(field,
                messages.text(key, DeclarationForm.MAX_TEXT, DeclarationForm.MAX_REASON)));
        if (!problems.isEmpty()) {
            messages.error("public-cancel.check-fields");
            return;
        }
        PublicCancellations.Result result = declarations.declare(form, format.locale(), clientAddress());
        if (!result.received()) {
            messages.error("public-cancel.throttled", result.waitMinutes());
            return;
        }
        navigation.redirect(links.confirmationPath(result.declaration().getReference()));
    }

    private String clientAddress() {
        return ((HttpServletRequest) external.getRequest()).getRemoteAddr();
    }

    /** Field name → what is wrong with it, in the page's language; empty before sending and when all is well. */
    public Map<String, String> getProblems() {
        return problems;
    }

    public int getMaxText() {
        return DeclarationForm.MAX_TEXT;
    }

    public int getMaxReason() {
        return DeclarationForm.MAX_REASON;
    }

    public int getMaxEmail() {
        return DeclarationForm.MAX_EMAIL;
    }

    public String getContract() {
        return contract;
    }

    public void setContract(String contract) {
        this.contract = contract;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAccountEmail() {
        return accountEmail;
    }

    public void setAccountEmail(String accountEmail) {
        this.accountEmail = accountEmail;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDesiredEnd() {
        return desiredEnd;
    }

    public void setDesiredEnd(String desiredEnd) {
        this.desiredEnd = desiredEnd;
    }

    public String getConfirmationEmail() {
        return confirmationEmail;
    }

    public void setConfirmationEmail(String confirmationEmail) {
        this.confirmationEmail = confirmationEmail;
    }
}
