package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.control.PublicWithdrawalForm;
import org.cancelportal.withdrawal.control.PublicWithdrawalThrottledException;
import org.cancelportal.withdrawal.control.PublicWithdrawals;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * /withdraw-contract: withdrawing without an account. Asks only name, contract and an email address, records the
 * declaration with its time of receipt, and moves on to the same acknowledgement whether or not anything matched.
 */
@Named("withdrawContract")
@RequestScoped
public class WithdrawContractPage {

    @Inject
    PublicWithdrawals declarations;

    @Inject
    PublicWithdrawalLinks links;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    @Inject
    ExternalContext external;

    private String name;
    private String contract;
    private String email;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public void send() {
        PublicWithdrawalForm form = new PublicWithdrawalForm(name, contract, email);
        form.problems().forEach((field, key) -> problems.put(field, messages.text(key, PublicWithdrawalForm.MAX_TEXT)));
        if (!problems.isEmpty()) {
            messages.error("withdraw-contract.check-fields");
            return;
        }
        try {
            WithdrawalDeclaration declaration = declarations.declare(form, format.locale(),
                    ((HttpServletRequest) external.getRequest()).getRemoteAddr());
            navigation.redirect(links.receivedPath(declaration.getReference()));
        } catch (PublicWithdrawalThrottledException e) {
            messages.error("withdraw-contract.throttled", org.cancelportal.time.WaitingTime.wholeMinutes(e.waitFor()));
        }
    }

    /** Field name → what is wrong with it, in the page's language; empty before sending and when all is well. */
    public Map<String, String> getProblems() {
        return problems;
    }

    public int getMaxText() {
        return PublicWithdrawalForm.MAX_TEXT;
    }

    public int getMaxEmail() {
        return PublicWithdrawalForm.MAX_EMAIL;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getContract() {
        return contract;
    }

    public void setContract(String contract) {
        this.contract = contract;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
