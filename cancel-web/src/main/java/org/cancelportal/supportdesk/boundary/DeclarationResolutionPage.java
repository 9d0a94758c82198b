package org.cancelportal.supportdesk.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.cancelportal.cancellation.control.CancellationService;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.publiccancel.boundary.DeclarationFacts;
import org.cancelportal.publiccancel.control.ContractMatching;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;

/**
 * One cancellation from the public form that waits for a person: what was declared and when, the subscriptions it may
 * mean, and the two ways to resolve it: cancel one of them under the policy (counted from the time of receipt), or
 * close it with a note.
 */
@Named("declarationResolution")
@ViewScoped
public class DeclarationResolutionPage implements Serializable {

    /** A subscription the declaration may mean, as the agent sees it. */
    public record Candidate(long subscriptionId, String subscriberName, String subscriberEmail, String planName,
                            String references)
            implements Serializable {

        static Candidate of(ContractMatching.Candidate found) {
            return new Candidate(found.subscriptionId(), found.subscriberName(), found.subscriberEmail(),
                    found.planName(), String.join(" · ", Stream.of(found.subscriptionReference(),
                            found.customerReference()).filter(Objects::nonNull).toList()));
        }
    }

    /** A button: one way the policy lets this subscription be cancelled. */
    public record Way(String mode, String label) implements Serializable {
    }

    @Inject
    DeclarationQueue queue;

    @Inject
    DeclarationFacts facts;

    @Inject
    CancellationService cancellations;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    private Long id;
    private String reference;
    private String receivedAt;
    private boolean open;
    private String resolution;
    private List<DeclarationFacts.Fact> declared;
    private List<Candidate> candidates;
    private String note;

    public void load() {
        CancellationDeclaration declaration = id == null ? null : queue.find(id).orElse(null);
        if (declaration == null) {
            navigation.notFound();
            return;
        }
        reference = declaration.getReference();
        receivedAt = facts.receivedAt(declaration, format.locale());
        open = declaration.isOpen();
        resolution = open ? null : messages.text("support.declaration.resolved", declaration.getResolvedBy(),
                format.dateTime(declaration.getResolvedAt(), facts.zone()));
        declared = facts.of(declaration, format.locale());
        candidates = queue.candidates(declaration).stream().map(Candidate::of).toList();
    }

    @RolesAllowed("support")
    public void cancel(long subscriptionId, String mode) {
        try {
            Cancellation cancellation = queue.cancel(id, subscriptionId, CancellationMode.valueOf(mode), agent());
            backToList("cancelled", cancellation.getReference());
        } catch (DeclarationQueue.AlreadyResolvedException e) {
            messages.error("support.declaration.already");
            load();
        }
    }

    @RolesAllowed("support")
    public void close() {
        try {
            queue.close(id, note, agent());
            backToList("closed", "");
        } catch (IllegalArgumentException e) {
            messages.error("support.declaration.note-invalid", DeclarationQueue.MAX_NOTE);
        } catch (DeclarationQueue.AlreadyResolvedException e) {
            messages.error("support.declaration.already");
            load();
        }
    }

    /** Post, redirect, get: the list says what was just done. */
    private void backToList(String done, String cancellationReference) {
        navigation.redirect("/support/declarations?done=" + done + "&ref=" + reference + "&cx="
                + URLEncoder.encode(cancellationReference, StandardCharsets.UTF_8));
    }

    static String agent() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    public List<Way> getWays() {
        return cancellations.policy().offeredModes().stream().map(mode -> new Way(mode.name(), messages.text(
                mode == CancellationMode.IMMEDIATE ? "cancel.button.now" : "cancel.button.end-of-period"))).toList();
    }

    public List<DeclarationFacts.Fact> getDeclared() {
        return declared;
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
