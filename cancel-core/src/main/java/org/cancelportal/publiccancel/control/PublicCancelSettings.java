package org.cancelportal.publiccancel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the public form promises and how it tells time. The person sending a declaration has no account, so their
 * time zone is unknown: times are shown in the operator's zone, with the zone named.
 */
@ApplicationScoped
public class PublicCancelSettings {

    @Inject
    @ConfigProperty(name = "public-cancel.time-zone")
    String timeZone;

    @Inject
    @ConfigProperty(name = "public-cancel.answer-working-days")
    int answerWorkingDays;

    @Inject
    @ConfigProperty(name = "public-cancel.max-per-address")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "public-cancel.block-minutes")
    int blockMinutes;

    @Inject
    @ConfigProperty(name = "public-cancel.max-per-recipient")
    int maxPerRecipient;

    @Inject
    @ConfigProperty(name = "public-cancel.recipient-window-minutes")
    int recipientWindowMinutes;

    @Inject
    @ConfigProperty(name = "public-cancel.confirm-link-lifetime")
    Duration confirmLinkLifetime;

    @Inject
    Clock clock;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalDate today() {
        return clock.instant().atZone(zone()).toLocalDate();
    }

    /** Declarations from one client address within {@link #block()} before that address waits as long. */
    public int maxPerAddress() {
        return maxPerAddress;
    }

    public Duration block() {
        return Duration.ofMinutes(blockMinutes);
    }

    /** Confirmation emails to one typed-in address within {@link #recipientWindow()} before none go there for as long. */
    public int maxPerRecipient() {
        return maxPerRecipient;
    }

    public Duration recipientWindow() {
        return Duration.ofMinutes(recipientWindowMinutes);
    }

    /** How long the link that confirms a cancellation ending access at once works. */
    public Duration confirmLinkLifetime() {
        return confirmLinkLifetime;
    }

    /** Within how many working days support answers a declaration the portal could not match by itself. */
    public int answerWorkingDays() {
        return answerWorkingDays;
    }
}
