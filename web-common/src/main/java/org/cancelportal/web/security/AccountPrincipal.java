package org.cancelportal.web.security;

import jakarta.security.enterprise.CallerPrincipal;

/** A caller as the password store found their login: with the subscriber it acts for, empty for staff. */
public class AccountPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final Long subscriberId;

    public AccountPrincipal(String name, Long subscriberId) {
        super(name);
        this.subscriberId = subscriberId;
    }

    public Long subscriberId() {
        return subscriberId;
    }
}
