package org.cancelportal.survey.boundary;

import org.cancelportal.survey.control.OptOuts;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * "Don't ask me again": the link opens this page and one button confirms (a link alone must not act, or a mail
 * scanner following it would decide for the person). Saying it twice changes nothing and says the same.
 */
@Named("optOut")
@ViewScoped
public class OptOutPage implements Serializable {

    @Inject
    OptOuts optOuts;

    private Long subscriberId;
    private boolean linkWorks;
    private boolean done;

    public void load() {
        String token = (String) FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(SurveyLinkFilter.TOKEN);
        subscriberId = optOuts.subscriberOf(token).orElse(null);
        linkWorks = subscriberId != null;
        done = linkWorks && optOuts.hasOptedOut(subscriberId);
    }

    public void confirm() {
        if (!linkWorks) {
            return;
        }
        optOuts.optOut(subscriberId);
        done = true;
    }

    public boolean isLinkWorks() {
        return linkWorks;
    }

    public boolean isDone() {
        return done;
    }
}
