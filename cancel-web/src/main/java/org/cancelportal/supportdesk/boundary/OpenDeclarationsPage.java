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

/** The support desk's list of cancellations from the public form that wait for a person, oldest first. */
@Named("openDeclarations")
@RequestScoped
public class OpenDeclarationsPage {

    /** One waiting declaration, as the list shows it. */
    public record Row(long id, String reference, String receivedAt, String name, String accountEmail, String contract,
                      String kind) {
    }

    @Inject
    DeclarationQueue queue;

    @Inject
    DeclarationFacts facts;

    @Inject
    DisplayFormat format;

    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            rows = queue.open().stream().map(this::row).toList();
        }
        return rows;
    }

    private Row row(CancellationDeclaration declaration) {
        Declared declared = declaration.declared();
        return new Row(declaration.getId(), declaration.getReference(),
                facts.receivedAt(declaration, format.locale()), declared.name(), declared.accountEmail(),
                declared.contract(), declared.kind().name());
    }
}
