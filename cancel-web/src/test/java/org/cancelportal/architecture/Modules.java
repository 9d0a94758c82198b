package org.cancelportal.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compiled classes of each module, read from the module's own build folder: cancel-web and exit-survey share
 * package names (each has an identity.boundary.LoginPage, say), so where a class lives tells more than its package.
 * The reactor builds every module before cancel-web's tests run.
 */
final class Modules {

    static final JavaClasses CORE = classesOf("cancel-core");
    static final JavaClasses WEB_COMMON = classesOf("web-common");
    static final JavaClasses INSIGHTS = classesOf("insights");
    static final JavaClasses SURVEY = classesOf("exit-survey");
    static final JavaClasses PORTAL = classesOf("cancel-web");
    static final JavaClasses ALL = new ClassFileImporter().importPaths(
            folder("cancel-core"), folder("web-common"), folder("insights"), folder("exit-survey"), folder("cancel-web"));

    private Modules() {
    }

    static Set<String> namesOf(JavaClasses classes) {
        return classes.stream().map(JavaClass::getName).collect(Collectors.toSet());
    }

    private static JavaClasses classesOf(String module) {
        return new ClassFileImporter().importPath(folder(module));
    }

    private static Path folder(String module) {
        Path classes = Path.of("..", module, "target", "classes");
        if (!Files.isDirectory(classes)) {
            // run from the root (mvn verify) or the module folder; both see the siblings
            classes = Path.of(module, "target", "classes");
        }
        assertTrue(Files.isDirectory(classes), "Build " + module + " first: no " + classes.toAbsolutePath());
        return classes;
    }
}
