package org.cancelportal.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A login: the identity store reads these rows; the hash is never the password itself. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "subscriber_id")
    private Long subscriberId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, Long subscriberId, Set<String> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.subscriberId = subscriberId;
        this.roles = new HashSet<>(roles);
    }

    public String getUsername() {
        return username;
    }

    /** Empty for a login that signs in only through portal sessions. */
    public String getPasswordHash() {
        return passwordHash;
    }

    /** The subscriber this login acts for; empty for staff. */
    public Long getSubscriberId() {
        return subscriberId;
    }

    public Set<String> getRoles() {
        return Set.copyOf(roles);
    }
}
