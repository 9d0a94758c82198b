package org.cancelportal.supportdesk.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cancelportal.publiccancel.boundary.DeclarationFacts;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.supportdesk.boundary.DeclarationResolutionPage.Candidate;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
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
public class WithdrawalDeclarationPage implements Serializable {

    @Inject
    WithdrawalDeclarationQueue queue;

    @Inject
    DeclarationFacts facts;

    @Inject
    ConfirmationLinkStanding links;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    private Long id;
    private String reference;
    private String receivedAt;
    private String name;
    private String contract;
    private String email;
    private String link;
    private boolean open;
    private String resolution;
    private List<Candidate> candidates;
    private String note;

    public void load() {
        WithdrawalDeclaration declaration = id == null ? null : queue.find(id).orElse(null);
        if (declaration == null) {
            navigation.notFound();
            return;
        }
        reference = declaration.getReference();
        receivedAt = format.dateTime(declaration.getReceivedAt(), facts.zone());
        name = declaration.getName();
        contract = declaration.getContract();
        email = declaration.getEmail();
        open = declaration.isOpen();
        link = open ? links.of(declaration) : null;
        resolution = open ? null : messages.text("support.declaration.resolved", declaration.getResolvedBy(),
                format.dateTime(declaration.getResolvedAt(), facts.zone()));
        candidates = queue.candidates(declaration).stream().map(Candidate::of).toList();
    }

    @RolesAllowed("support")
    public void withdraw(long subscriptionId) {
        try {
            Withdrawal withdrawal = queue.withdraw(id, subscriptionId, DeclarationResolutionPage.agent());
            backToList("withdrawn", withdrawal.getReference());
        } catch (DeclarationQueue.AlreadyResolvedException e) {
            messages.error("support.declaration.already");
            load();
        } catch (WithdrawalNotPossibleException e) {
            messages.error("withdraw.not-possible." + e.reason().name());
        }
    }

    @RolesAllowed("support")
    public void close() {
        try {
            queue.close(id, note, DeclarationResolutionPage.agent());
            backToList("closed", "");
        } catch (IllegalArgumentException e) {
            messages.error("support.declaration.note-invalid", DeclarationQueue.MAX_NOTE);
        } catch (DeclarationQueue.AlreadyResolvedException e) {
            messages.error("support.declaration.already");
            load();
        }
    }

    /** Post, redirect, get: the list says what was just done. */
    private void backToList(String done, String withdrawalReference) {
        navigation.redirect("/support/declarations?done=" + done + "&ref=" + reference + "&cx="
                + URLEncoder.encode(withdrawalReference, StandardCharsets.UTF_8));
    }

    public List<Candidate> getCandidates() {
        return candidates;
    }

    public String getReference() {
        return reference;
    }

    public String getReceivedAt() {
        return receivedAt;
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

    public boolean isOpen() {
        return open;
    }

    public String getResolution() {
        return resolution;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public int getMaxNote() {
        return DeclarationQueue.MAX_NOTE;
    }
}
