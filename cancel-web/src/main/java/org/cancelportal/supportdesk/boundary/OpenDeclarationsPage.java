package org.cancelportal.supportdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cancelportal.publiccancel.boundary.DeclarationFacts;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.publiccancel.entity.Declared;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.withdrawal.control.WithdrawalDeclarationQueue;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * The support desk's list of declarations from the public pages that wait for a person, oldest first: cancellations,
 * then withdrawals, each with where its confirmation link stands (sent or withheld, until when it works, expired).
 */
@Named("openDeclarations")
@RequestScoped
public class OpenDeclarationsPage {

    /**
     * One waiting declaration, as the list shows it; link says where its confirmation link stands (null: it never
     * had one), expired whether that link can no longer be used.
     */
    public record Row(long id, String reference, String receivedAt, String name, String accountEmail, String contract,
                      String kind, String link, boolean expired) {
    }

    @Inject
    DeclarationQueue queue;

    @Inject
    WithdrawalDeclarationQueue withdrawals;

    @Inject
    DeclarationFacts facts;

    @Inject
    ConfirmationLinkStanding links;

    @Inject
    DisplayFormat format;

    private List<Row> rows;
    private List<Row> withdrawalRows;

    public List<Row> getRows() {
        if (rows == null) {
            rows = queue.open().stream().map(this::row).toList();
        }
        return rows;
    }

    public List<Row> getWithdrawals() {
        if (withdrawalRows == null) {
            withdrawalRows = withdrawals.open().stream().map(this::row).toList();
        }
        return withdrawalRows;
    }

    private Row row(CancellationDeclaration declaration) {
        Declared declared = declaration.declared();
        return new Row(declaration.getId(), declaration.getReference(),
                facts.receivedAt(declaration, format.locale()), declared.name(), declared.accountEmail(),
                declared.contract(), declared.kind().name(), links.of(declaration),
                declaration.awaitsConfirmation() && links.expired(declaration.getConfirmUntil()));
    }

    private Row row(WithdrawalDeclaration declaration) {
        return new Row(declaration.getId(), declaration.getReference(),
                format.dateTime(declaration.getReceivedAt(), facts.zone()), declaration.getName(),
                declaration.getEmail(), declaration.getContract(), "WITHDRAWAL", links.of(declaration),
                links.expired(declaration.getConfirmUntil()));
    }
}
