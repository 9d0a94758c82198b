package org.cancelportal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a page keeps between requests lives in the session, which the session store writes to the database at the
 * end of every request, so that the next request may go to another node. Whatever cannot be serialized is silently
 * left behind (Liberty only logs it), and the other node then finds the view gone or the person signed out. So every
 * field a view- or session-scoped bean keeps, and everything inside it, must be serializable.
 */
class SessionStateTest {

    private static final Set<String> SESSION_SCOPES = Set.of("jakarta.faces.view.ViewScoped",
            "jakarta.enterprise.context.SessionScoped", "jakarta.enterprise.context.ConversationScoped",
            "jakarta.faces.flow.FlowScoped");
    /** Their JDK implementations are serializable (List.of, ArrayList, HashMap, …); the elements are checked. */
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Map",
            "java.util.Collection", "java.util.SortedMap", "java.util.SortedSet");

    @Test
    void everythingAPageKeepsBetweenRequestsCanMoveToAnotherNode() {
        List<String> problems = new ArrayList<>();
        Modules.ALL.stream().filter(SessionStateTest::keptInTheSession)
                .forEach(bean -> checkType(bean, bean.getName(), problems, new HashSet<>()));
        assertEquals(List.of(), problems, "kept in the session but not serializable");
    }

    private static boolean keptInTheSession(JavaClass bean) {
        return SESSION_SCOPES.stream().anyMatch(bean::isAnnotatedWith);
    }

    private static void checkFields(JavaClass owner, String path, List<String> problems, Set<String> seen) {
        for (JavaClass level = owner; level != null && ours(level); level = level.getRawSuperclass().orElse(null)) {
            for (JavaField field : level.getFields()) {
                Set<JavaModifier> modifiers = field.getModifiers();
                if (modifiers.contains(JavaModifier.STATIC) || modifiers.contains(JavaModifier.TRANSIENT)
                        || field.isAnnotatedWith("jakarta.inject.Inject")) {
                    continue;
                }
                checkType(field.getType(), path + "." + field.getName(), problems, seen);
            }
        }
    }

    private static void checkType(JavaType type, String path, List<String> problems, Set<String> seen) {
        if (type instanceof JavaWildcardType) {
            return;
        }
        if (type instanceof JavaParameterizedType parameterized) {
            parameterized.getActualTypeArguments().forEach(argument -> checkType(argument, path, problems, seen));
        }
        JavaClass raw = type.toErasure();
        if (raw.isPrimitive() || COLLECTIONS.contains(raw.getName())) {
            return;
        }
        if (raw.isArray()) {
            checkType(raw.getComponentType(), path, problems, seen);
            return;
        }
        if (!raw.isAssignableTo(Serializable.class) && !raw.getName().equals("java.lang.Object")) {
            problems.add(path + " is a " + raw.getName());
        }
        if (ours(raw) && seen.add(raw.getName())) {
            checkFields(raw, path, problems, seen);
        }
    }

    private static boolean ours(JavaClass type) {
        return type.getPackageName().startsWith("org.cancelportal");
    }
}
