package org.cancelportal.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.util.Nonbinding;

/**
 * Lets the standard {@code @RolesAllowed} guard the actions of page beans, which the container enforces only on
 * enterprise beans and REST resources: it becomes an interceptor binding whose roles do not select the interceptor,
 * so {@link RolesAllowedInterceptor} checks whichever roles an action names.
 */
public class RoleChecks implements Extension {

    void rolesAllowedBindsTheInterceptor(@Observes BeforeBeanDiscovery discovery) {
        discovery.configureInterceptorBinding(RolesAllowed.class).methods()
                .forEach(member -> member.add(Nonbinding.Literal.INSTANCE));
    }
}
