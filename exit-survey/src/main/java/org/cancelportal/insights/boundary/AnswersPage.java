package org.cancelportal.insights.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cancelportal.insights.control.Cursor;
import org.cancelportal.insights.control.InsightsFilter;
import org.cancelportal.insights.control.Replies;
import org.cancelportal.insights.control.ResponsePage;
import org.cancelportal.insights.control.ResponseQuery;
import org.cancelportal.insights.control.ResponseReader;
import org.cancelportal.insights.control.ResponseReview;
import org.cancelportal.insights.control.Tags;

/**
 * The customers' own words, newest first, twenty at a time: search, filter, mark as reviewed, tag, and reply to those
 * who agreed to be contacted. Every change is followed by a redirect to the same view, so reloading repeats nothing.
 */
@Named("answers")
@ViewScoped
public class AnswersPage implements Serializable {

    static final int PAGE_SIZE = 20;

    @Inject
    ResponseReader reader;

    @Inject
    ResponseReview review;

    @Inject
    Replies replies;

    @Inject
    FilterForm form;

    @Inject
    Labels labels;

    private String search;
    private String reviewed;
    private String tag;
    private String after;
    private String queryString;

    private static final String DONE = "done";
    private static final String REPLY_QUEUED = "reply-queued";
    private ResponsePage page;
    private final Map<Long, String> newTags = new HashMap<>();
    private final Map<Long, String> replyTexts = new HashMap<>();

    public void load() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        queryString = withoutDone(request.getQueryString());
        if (REPLY_QUEUED.equals(request.getParameter(DONE))) {
            message(FacesMessage.SEVERITY_INFO, "answers.reply.queued");
        }
        InsightsFilter filter = form.parse();
        Optional<Cursor> cursor = Cursor.parse(after);
        if (after != null && cursor.isEmpty()) {
            message(FacesMessage.SEVERITY_ERROR, "answers.problem.cursor");
        }
        page = reader.page(new ResponseQuery(filter, search, reviewedFilter(), tag, true, cursor.orElse(null),
                PAGE_SIZE));
    }

    private Boolean reviewedFilter() {
        return "yes".equals(reviewed) ? Boolean.TRUE : "no".equals(reviewed) ? Boolean.FALSE : null;
    }

    @RolesAllowed({"product", "admin"})
    public void markReviewed(long responseId, boolean done) throws IOException {
        review.markReviewed(responseId, done, user());
        backToTheSameView();
    }

    @RolesAllowed({"product", "admin"})
    public void addTag(long responseId) throws IOException {
        String clean = Tags.normalise(newTags.get(responseId));
        if (!Tags.valid(clean)) {
            message(FacesMessage.SEVERITY_ERROR, "answers.problem.tag");
            return;
        }
        review.addTag(responseId, clean);
        backToTheSameView();
    }

    @RolesAllowed({"product", "admin"})
    public void removeTag(long responseId, String name) throws IOException {
        review.removeTag(responseId, name);
        backToTheSameView();
    }

    @RolesAllowed({"product", "admin"})
    public void reply(long responseId) throws IOException {
        try {
            replies.write(responseId, user(), replyTexts.get(responseId));
        } catch (Replies.RefusedException e) {
            message(FacesMessage.SEVERITY_ERROR, "answers.problem.reply." + e.refusal().name().toLowerCase());
            return;
        }
        replyTexts.remove(responseId);
        backToTheSameView(DONE + "=" + REPLY_QUEUED);
    }

    private void backToTheSameView() throws IOException {
        backToTheSameView(null);
    }

    /**
     * Post, redirect, get: to the same link, with every filter and the same page, so a reload repeats nothing. What
     * was just done travels in the link (done=...), not in Faces' flash: the flash belongs to whichever request of
     * the session comes next, and a late request of the page before could take the message.
     */
    private void backToTheSameView(String done) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String query = queryString == null ? done : done == null ? queryString : queryString + "&" + done;
        external.redirect(external.getRequestContextPath() + "/insights/answers" + (query == null ? "" : "?" + query));
        faces.responseComplete();
    }

    /** The link's own query without what a previous action said it did, so the message is not carried on. */
    private static String withoutDone(String query) {
        if (query == null) {
            return null;
        }
        String kept = java.util.Arrays.stream(query.split("&")).filter(part -> !part.startsWith(DONE + "="))
                .collect(java.util.stream.Collectors.joining("&"));
        return kept.isEmpty() ? null : kept;
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    private void message(FacesMessage.Severity severity, String key) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, labels.word(key), null));
    }

    /** The link to the next (older) page, keeping every filter. */
    public String getOlderLink() {
        if (page.next() == null) {
            return null;
        }
        return "?" + form.getQuery() + textParameter("q", search) + textParameter("reviewed", reviewed)
                + textParameter("tag", tag) + "&after=" + page.next().token();
    }

    private static String textParameter(String name, String value) {
        return value == null || value.isBlank() ? ""
                : "&" + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public ResponsePage getPage() {
        return page;
    }

    public Map<Long, String> getNewTags() {
        return newTags;
    }

    public Map<Long, String> getReplyTexts() {
        return replyTexts;
    }

    public int getMaxReply() {
        return Replies.MAX_LENGTH;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getReviewed() {
        return reviewed;
    }

    public void setReviewed(String reviewed) {
        this.reviewed = reviewed;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
