package org.cancelportal.survey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The survey's settings, survey.* (its address is a {@link org.cancelportal.link.control.LinkSettings}). */
@ApplicationScoped
public class SurveySettings {

    @Inject
    @ConfigProperty(name = "survey.invitation-delay")
    Duration invitationDelay;

    @Inject
    @ConfigProperty(name = "survey.min-days-between-invitations")
    int minDaysBetweenInvitations;

    @Inject
    @ConfigProperty(name = "survey.link-days")
    int linkDays;

    /** Empty in portal.xml, and MicroProfile Config reads an empty value as none. */
    @Inject
    @ConfigProperty(name = "survey.reminder-after")
    Optional<Duration> reminderAfter;

    @Inject
    @ConfigProperty(name = "survey.reasons")
    List<String> reasons;

    @Inject
    @ConfigProperty(name = "survey.announce-interval-seconds")
    long announceIntervalSeconds;

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
        return reminderAfter;
    }

    /** How often answers that have become final are looked for, to be sent to the operators' webhooks. */
    public Duration announceInterval() {
        return Duration.ofSeconds(announceIntervalSeconds);
    }

    /** Stable codes (compatible with common billing providers' cancellation reasons), labels in the bundles. */
    public List<String> reasons() {
        return reasons;
    }
}
