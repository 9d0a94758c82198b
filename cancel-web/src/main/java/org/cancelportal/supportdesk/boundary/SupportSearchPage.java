package org.cancelportal.supportdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cancelportal.brokenpromise.control.RenewalsAfterCancellation;
import org.cancelportal.publiccancel.control.DeclarationQueue;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.supportdesk.control.SupportDesk;

/**
 * The support desk's start: find a subscriber by email, name or cancellation reference, a page of results at a time
 * (the page is in the link, so paging works without JavaScript); and how many public-form cancellations wait.
 */
@Named("supportSearch")
@RequestScoped
public class SupportSearchPage {

    @Inject
    SupportDesk desk;

    @Inject
    DeclarationQueue declarations;

    @Inject
    org.cancelportal.withdrawal.control.WithdrawalDeclarationQueue withdrawalDeclarations;

    @Inject
    Refunds refunds;

    @Inject
    RenewalsAfterCancellation renewals;

    private String query;
    private String page;
    private SupportDesk.Results results;

    public SupportDesk.Results getResults() {
        if (results == null) {
            results = desk.search(query, pageNumber());
        }
        return results;
    }

    /** A page number from the link; anything else means the first page. */
    private int pageNumber() {
        return page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
    }

    public boolean isSearched() {
        return query != null && query.strip().length() >= 2;
    }

    /** The link to another page of the same search. */
    public String linkTo(int otherPage) {
        return "?q=" + URLEncoder.encode(query == null ? "" : query, StandardCharsets.UTF_8) + "&page=" + otherPage;
    }

    public long getOpenDeclarations() {
        return declarations.openCount() + withdrawalDeclarations.openCount();
    }

    /** Refunds overdue or failed, and renewals held back, that nobody has sorted out: counted, not loaded. */
    public long getOpenFollowUps() {
        return refunds.needingAttentionCount() + renewals.openCount();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
