package org.cancelportal.web.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import java.util.Optional;

/**
 * Signs in the caller a session holds, on every request of that session that brings no new credential. It runs
 * before the login-to-continue step (priority 220), which would otherwise send a caller the server has forgotten to
 * the login page without asking the mechanism.
 */
@SignInFromSession
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class SignInFromSessionInterceptor {

    @AroundInvoke
    Object signInFromSession(InvocationContext invocation) throws Exception {
        if (!"validateRequest".equals(invocation.getMethod().getName())) {
            return invocation.proceed();
        }
        HttpMessageContext context = (HttpMessageContext) invocation.getParameters()[2];
        Optional<SignedInCaller> caller = context.getAuthParameters().getCredential() != null ? Optional.empty()
                : SignedInCaller.of(context.getRequest().getSession(false));
        if (caller.isEmpty()) {
            return invocation.proceed();
        }
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
    }
}
