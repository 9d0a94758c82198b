package org.cancelportal.supportdesk.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.cancelportal.publiccancel.boundary.DeclarationFacts;
import org.cancelportal.publiccancel.control.ContractMatching;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;

/**
 * What the support desk does alike with a declaration from a public page (a cancellation or a withdrawal) that waits
 * for a person: show when it came and whether it is resolved, list the subscriptions it may mean, close it with a
 * note, and go back to the list saying what was done. Each page adds what it shows of its own kind and how it carries
 * the declaration out.
 */
public abstract class DeclarationAtDeskPage implements Serializable {

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

    @Inject
    DeclarationFacts facts;

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
    private List<Candidate> candidates;
    private String note;

    /** Reads the declaration named by {@link #getId()} again, or answers "not found". */
    public abstract void load();

    /** Closes the declaration in its own queue. */
    protected abstract void closeInQueue(long declarationId, String note, String agent);

    /** What every declaration page shows alike, once {@link #load()} found the declaration. */
    protected void show(String reference, String receivedAt, boolean open, String resolvedBy, Instant resolvedAt,
                        List<ContractMatching.Candidate> found) {
        this.reference = reference;
        this.receivedAt = receivedAt;
        this.open = open;
        resolution = open ? null : messages.text("support.declaration.resolved", resolvedBy,
                format.dateTime(resolvedAt, facts.zone()));
        candidates = found.stream().map(Candidate::of).toList();
    }

    @RolesAllowed("support")
    public void close() {
        try {
            closeInQueue(getId(), note, agent());
            backToList("closed", "");
        } catch (IllegalArgumentException e) {
            messages.error("support.declaration.note-invalid", DeclarationQueue.MAX_NOTE);
        } catch (DeclarationQueue.AlreadyResolvedException e) {
            alreadyResolved();
        }
    }

    /** Someone else resolved it meanwhile: say so and show it as it now stands. */
    protected void alreadyResolved() {
        messages.error("support.declaration.already");
        load();
    }

    /** Post, redirect, get: the list says what was just done. */
    protected void backToList(String done, String resultReference) {
        navigation.redirect("/support/declarations?done=" + done + "&ref=" + reference + "&cx="
                + URLEncoder.encode(resultReference, StandardCharsets.UTF_8));
    }

    protected static String agent() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
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
