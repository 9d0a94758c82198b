package org.cancelportal.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long survey answers stay linked to the person who gave them. */
@ApplicationScoped
public class PrivacySettings {

    @Inject
    @ConfigProperty(name = "survey.retention-days")
    int surveyRetentionDays;

    public Duration surveyRetention() {
        return Duration.ofDays(surveyRetentionDays);
    }
}
