package org.cancelportal.supportdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cancelportal.supportdesk.control.SupportDesk;

/** The support desk's start: find a subscriber by email, name or cancellation reference. */
@Named("supportSearch")
@RequestScoped
public class SupportSearchPage {

    @Inject
    SupportDesk desk;

    private String query;
    private List<SupportDesk.Found> found;

    public List<SupportDesk.Found> getFound() {
        if (found == null) {
            found = desk.search(query);
        }
        return found;
    }

    public boolean isSearched() {
        return query != null && query.strip().length() >= 2;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
