package org.cancelportal.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;

/**
 * Signs in the caller a session holds, on every request of that session that brings no new credential. It runs
 * before the login-to-continue step (priority 220), which would otherwise send a caller the server has forgotten to
 * the login page without asking the mechanism. A sign-in older than its lifetime ends its session here, so a session
 * kept busy does not keep a sign-in alive for ever.
 */
@SignInFromSession
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class SignInFromSessionInterceptor {

    @Inject
    SessionSettings settings;

    @Inject
    Clock clock;

    @AroundInvoke
    Object signInFromSession(InvocationContext invocation) throws Exception {
        if (!"validateRequest".equals(invocation.getMethod().getName())) {
            return invocation.proceed();
        }
        HttpMessageContext context = (HttpMessageContext) invocation.getParameters()[2];
        HttpSession session = context.getRequest().getSession(false);
        Optional<SignedInCaller> caller = context.getAuthParameters().getCredential() != null ? Optional.empty()
                : SignedInCaller.of(session);
        if (caller.isEmpty()) {
            return invocation.proceed();
        }
        if (caller.get().outlived(settings.lifetime(), clock.instant())) {
            session.invalidate();
            return invocation.proceed();
        }
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
    }
}
