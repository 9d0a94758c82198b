package org.cancelportal.supportdesk.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.withdrawal.control.WithdrawalDeclarationQueue;
import org.cancelportal.withdrawal.control.WithdrawalNotPossibleException;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * One withdrawal declared on the public page that nobody has carried out yet: what was declared and when, where its
 * link stands, the subscriptions it may mean, and the two ways to resolve it: carry the withdrawal out on the
 * subscriber's behalf (as of the time of receipt, which is what counts for the deadline), or close it with a note.
 */
@Named("withdrawalDeclaration")
@ViewScoped
public class WithdrawalDeclarationPage extends DeclarationAtDeskPage {

    @Inject
    WithdrawalDeclarationQueue queue;

    @Inject
    ConfirmationLinkStanding links;

    private String name;
    private String contract;
    private String email;
    private String link;

    @Override
    public void load() {
        WithdrawalDeclaration declaration = getId() == null ? null : queue.find(getId()).orElse(null);
        if (declaration == null) {
            navigation.notFound();
            return;
        }
        show(declaration.getReference(), format.dateTime(declaration.getReceivedAt(), facts.zone()),
                declaration.isOpen(), declaration.getResolvedBy(), declaration.getResolvedAt(),
                queue.candidates(declaration));
        name = declaration.getName();
        contract = declaration.getContract();
        email = declaration.getEmail();
        link = declaration.isOpen() ? links.of(declaration) : null;
    }

    @RolesAllowed("support")
    public void withdraw(long subscriptionId) {
        try {
            Withdrawal withdrawal = queue.withdraw(getId(), subscriptionId, agent());
            backToList("withdrawn", withdrawal.getReference());
        } catch (DeclarationQueue.AlreadyResolvedException e) {
            alreadyResolved();
        } catch (WithdrawalNotPossibleException e) {
            messages.error("withdraw.not-possible." + e.reason().name());
        }
    }

    @Override
    protected void closeInQueue(long declarationId, String note, String agent) {
        queue.close(declarationId, note, agent);
    }

    public String getName() {
        return name;
    }

    public String getContract() {
        return contract;
    }

    public String getEmail() {
        return email;
    }

    public String getLink() {
        return link;
    }
}
