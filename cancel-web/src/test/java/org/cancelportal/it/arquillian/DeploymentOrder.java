package org.cancelportal.it.arquillian;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes that share their deployments (they inherit them from the same base class) one after another,
 * so that {@link KeepingContainer} deploys each set of applications once: first the classes that deploy something of
 * their own (an in-container test's archive), then the shared sets, the larger first, so that going from one to the
 * next mostly undeploys an application rather than starting one. Within a group, by name.
 */
public class DeploymentOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor test) -> !ownDeployment(test.getTestClass()))
                .thenComparing(test -> -deployments(test.getTestClass()).size())
                .thenComparing(test -> sharedFrom(test.getTestClass()))
                .thenComparing(test -> test.getTestClass().getName()));
    }

    /** Declares its deployment itself, or deploys its test class into the server: nothing to share. */
    private static boolean ownDeployment(Class<?> test) {
        return deployments(test).stream().anyMatch(method -> method.getDeclaringClass() == test
                || method.getAnnotation(Deployment.class).testable());
    }

    private static String sharedFrom(Class<?> test) {
        return deployments(test).stream().map(method -> method.getDeclaringClass().getName()).findFirst().orElse("");
    }

    private static List<Method> deployments(Class<?> test) {
        List<Method> found = new ArrayList<>();
        for (Class<?> type = test; type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Deployment.class)) {
                    found.add(method);
                }
            }
        }
        return found;
    }
}
