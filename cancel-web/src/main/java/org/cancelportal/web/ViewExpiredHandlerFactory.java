package org.cancelportal.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * A page left open until its session ended is reloaded with a friendly note instead of an error: nothing was
 * changed, and the person can simply click again.
 */
public class ViewExpiredHandlerFactory extends ExceptionHandlerFactory {

    public ViewExpiredHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ReloadOnExpiry(getWrapped().getExceptionHandler());
    }

    static class ReloadOnExpiry extends ExceptionHandlerWrapper {

        ReloadOnExpiry(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                if (thrown instanceof ViewExpiredException expired) {
                    events.remove();
                    reload(expired.getViewId());
                    return;
                }
            }
            getWrapped().handle();
        }

        private static void reload(String viewId) {
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            String page = viewId == null ? "/account" : viewId.replaceFirst("\\.xhtml$", "");
            String query = external.getRequestParameterMap().containsKey("ref")
                    ? "&ref=" + URLEncoder.encode(external.getRequestParameterMap().get("ref"), StandardCharsets.UTF_8) : "";
            try {
                external.redirect(external.getRequestContextPath() + page + "?expired=true" + query);
                faces.responseComplete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
