package org.cancelportal.publiccancel.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.cancelportal.throttle.control.AttemptCounter;

/**
 * Slows down anyone trying out emails and references on the public form: after too many declarations from one client
 * address within a few minutes, that address waits a few minutes. Never longer: a person who really wants to cancel
 * is only ever delayed, not shut out.
 */
@ApplicationScoped
public class PublicCancelThrottle {

    static final String KEY_PREFIX = "public-cancel:address:";

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    @Inject
    PublicCancelSettings settings;

    protected PublicCancelThrottle() {
    }

    public PublicCancelThrottle(DataSource dataSource, PublicCancelSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** How long this address still has to wait before sending another declaration; empty when it need not. */
    public Optional<Duration> refusedFor(String address, Instant now) {
        return counter().refusedFor(KEY_PREFIX + address, now);
    }

    public void declared(String address, Instant now) {
        counter().count(KEY_PREFIX + address, settings.maxPerAddress(), settings.block(), now);
    }

    private AttemptCounter counter() {
        return new AttemptCounter(dataSource);
    }
}
