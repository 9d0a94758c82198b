package org.cancelportal.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Checks the role again in the action itself, whatever let the request reach it: a caller without one of the roles
 * named gets the 403 page, and nothing is done. Outside a page (no Faces request) the call fails instead.
 */
@RolesAllowed({})
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RolesAllowedInterceptor implements Serializable {

    @AroundInvoke
    Object onlyForTheRolesAllowed(InvocationContext invocation) throws Exception {
        RolesAllowed allowed = invocation.getMethod().isAnnotationPresent(RolesAllowed.class)
                ? invocation.getMethod().getAnnotation(RolesAllowed.class)
                : invocation.getMethod().getDeclaringClass().getAnnotation(RolesAllowed.class);
        // Looked up per call, not injected: the interceptor of a view-scoped page is kept with its session.
        SecurityContext security = CDI.current().select(SecurityContext.class).get();
        if (allowed == null || Arrays.stream(allowed.value()).anyMatch(security::isCallerInRole)) {
            return invocation.proceed();
        }
        refuse(invocation);
        return null;
    }

    private static void refuse(InvocationContext invocation) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            throw new SecurityException(invocation.getMethod().getName() + " is not for this caller");
        }
        faces.getExternalContext().responseSendError(403, null);
        faces.responseComplete();
    }
}
