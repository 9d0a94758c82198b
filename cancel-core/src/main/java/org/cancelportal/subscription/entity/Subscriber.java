package org.cancelportal.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

@Entity
public class Subscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "external_id")
    private String externalId;

    /** The operator whose billing system this subscriber comes from; empty for one made in the portal itself. */
    @Column(name = "operator_id")
    private Long operatorId;

    private String email;
    private String name;
    private String locale;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "created_at")
    private Instant createdAt;

    /** ISO 3166-1 alpha-2, such as "DE"; empty when the operator has not told us (the strictest rules apply). */
    private String country;

    protected Subscriber() {
    }

    public Subscriber(String email, String name, Locale locale, ZoneId timeZone) {
        this.email = email;
        this.name = name;
        this.locale = locale.toLanguageTag();
        this.timeZone = timeZone.getId();
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    /** Takes the subscriber into an operator's namespace of external ids. */
    public void belongToOperator(long operatorId, String externalId) {
        this.operatorId = operatorId;
        this.externalId = externalId;
    }

    /** The contact details as the operator's billing system now has them; true if anything changed. */
    public boolean updateContact(String email, String name, Locale locale, ZoneId timeZone) {
        boolean changed = !email.equals(this.email) || !name.equals(this.name)
                || !locale.toLanguageTag().equals(this.locale) || !timeZone.getId().equals(this.timeZone);
        this.email = email;
        this.name = name;
        this.locale = locale.toLanguageTag();
        this.timeZone = timeZone.getId();
        return changed;
    }

    /** Where the subscriber lives, as the operator's billing system has it; true if it changed. */
    public boolean placeIn(String country) {
        boolean changed = !java.util.Objects.equals(country, this.country);
        this.country = country;
        return changed;
    }

    public String getCountry() {
        return country;
    }

    public String getEmail() {
        return email;
    }

    /**
     * Whether the person's data were erased on their request: the address is then the one PersonalDataEraser leaves
     * in its place, "erased-{id}@invalid".
     */
    public boolean isErased() {
        return id != null && ("erased-" + id + "@invalid").equals(email);
    }

    public String getName() {
        return name;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }
}
