package org.cancelportal.survey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The survey's MicroProfile Config keys, survey.*. */
@ApplicationScoped
public class SurveySettings {

    @Inject
    @ConfigProperty(name = "survey.invitation-delay", defaultValue = "PT1H")
    Duration invitationDelay;

    @Inject
    @ConfigProperty(name = "survey.min-days-between-invitations", defaultValue = "90")
    int minDaysBetweenInvitations;

    @Inject
    @ConfigProperty(name = "survey.link-days", defaultValue = "14")
    int linkDays;

    @Inject
    @ConfigProperty(name = "survey.base-url", defaultValue = "http://localhost:9080/survey")
    String baseUrl;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "survey.reasons", defaultValue = "too_expensive,missing_features,switched_service,unused,"
            + "customer_service,too_complex,low_quality,other")
    List<String> reasons;

    public Duration invitationDelay() {
        return invitationDelay;
    }

    public Duration minTimeBetweenInvitations() {
        return Duration.ofDays(minDaysBetweenInvitations);
    }

    public Duration linkValidity() {
        return Duration.ofDays(linkDays);
    }

    /** Empty (the default): no reminder is ever sent. Else one, this long after the invitation, if no answer came. */
    public Optional<Duration> reminderAfter() {
        return config.getOptionalValue("survey.reminder-after", String.class).filter(text -> !text.isBlank())
                .map(Duration::parse);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Stable codes (compatible with common billing providers' cancellation reasons), labels in the bundles. */
    public List<String> reasons() {
        return reasons;
    }
}
