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
 * is only ever delayed, not shut out. Also limits the emails that go to one typed-in address.
 */
@ApplicationScoped
public class PublicCancelThrottle {

    static final String KEY_PREFIX = "public-cancel:address:";
    /** Shared by every form that emails an address someone typed in, so the limit holds across them. */
    static final String RECIPIENT_PREFIX = "public-cancel:recipient:";

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

    /**
     * Whether one more email of ours may go to this typed-in address now; when it may, it is counted. After
     * {@link PublicCancelSettings#maxPerRecipient()} within {@link PublicCancelSettings#recipientWindow()} the address
     * gets none for one window, so nobody can use our forms to flood a stranger's inbox under our name. The address
     * counts without case or surrounding spaces.
     */
    public boolean mayEmailRecipient(String recipient, Instant now) {
        String key = RECIPIENT_PREFIX + ContractMatching.loose(recipient);
        if (counter().refusedFor(key, now).isPresent()) {
            return false;
        }
        counter().count(key, settings.maxPerRecipient(), settings.recipientWindow(), now);
        return true;
    }

    private AttemptCounter counter() {
        return new AttemptCounter(dataSource);
    }
}
