package org.cancelportal.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.privacy.control.LogRedaction;

/**
 * The error page shows a short code and the log holds the details under the same code, so support can find what
 * happened without the person ever seeing a stack trace.
 */
@Named("incident")
@RequestScoped
public class Incident {

    private static final Logger LOG = Logger.getLogger(Incident.class.getName());
    private String id;

    public String getId() {
        if (id == null) {
            id = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
            var request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
            Throwable error = (Throwable) request.get(RequestDispatcher.ERROR_EXCEPTION);
            LOG.log(Level.SEVERE, "Incident " + id + " at " + request.get(RequestDispatcher.ERROR_REQUEST_URI),
                    LogRedaction.throwable(error));
        }
        return id;
    }
}
