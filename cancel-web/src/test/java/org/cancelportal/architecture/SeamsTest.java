package org.cancelportal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seams of the design, as rules the build enforces: the core knows no web, the two applications never reach into
 * each other, boundary leans on control and entity and never the other way round, and only control opens transactions
 * or runs queries.
 */
class SeamsTest {

    private static final String[] WEB_APIS = {"jakarta.faces..", "jakarta.servlet..", "jakarta.ws.rs..",
            "jakarta.security.enterprise..", "org.eclipse.microprofile.openapi..", "org.eclipse.microprofile.health.."};

    @Test
    void theCoreAndTheInsightsQueriesKnowNoWebApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(WEB_APIS)
                .because("cancel-core and insights are used outside a web tier (jobs, the benchmark); web-common holds"
                        + " what both WARs share for the web")
                .check(Modules.CORE);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(WEB_APIS).check(Modules.INSIGHTS);
    }

    @Test
    void theSurveyNeverUsesThePortalsClasses() {
        noClasses().should().dependOnClassesThat(onlyIn(Modules.namesOf(Modules.PORTAL), Modules.namesOf(Modules.SURVEY)))
                .because("the two applications meet only through the outbox and the shared modules")
                .check(Modules.SURVEY);
    }

    @Test
    void thePortalNeverUsesTheSurveysClasses() {
        noClasses().should().dependOnClassesThat(onlyIn(Modules.namesOf(Modules.SURVEY), Modules.namesOf(Modules.PORTAL)))
                .because("the two applications meet only through the outbox and the shared modules")
                .check(Modules.PORTAL);
    }

    @Test
    void controlAndEntityNeverDependOnBoundary() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .because("boundary is what the outside touches; the rules must not depend on how they are reached")
                .check(Modules.ALL);
    }

    @Test
    void entitiesNeverDependOnControl() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAPackage("..control..")
                .check(Modules.ALL);
    }

    @Test
    void onlyControlOpensTransactions() {
        noClasses().that().resideOutsideOfPackage("..control..")
                .should().beAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat().areAssignableTo(UserTransaction.class)
                .because("a boundary bean stays thin and delegates to control, which owns the transaction")
                .check(Modules.ALL);
        noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage("..control..")
                .should().beAnnotatedWith(Transactional.class)
                .check(Modules.ALL);
    }

    @Test
    void onlyControlRunsQueries() {
        noClasses().that().resideOutsideOfPackage("..control..")
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .because("SQL and JPA belong to control; a page or resource asks control for what it needs")
                .check(Modules.ALL);
    }

    /** Classes of the other application that this one does not have itself (both may hold a class of one name). */
    private static DescribedPredicate<JavaClass> onlyIn(Set<String> other, Set<String> own) {
        Set<String> foreign = new HashSet<>(other);
        foreign.removeAll(own);
        foreign.removeAll(Modules.namesOf(Modules.CORE));
        foreign.removeAll(Modules.namesOf(Modules.WEB_COMMON));
        foreign.removeAll(Modules.namesOf(Modules.INSIGHTS));
        return DescribedPredicate.describe("classes of the other application", javaClass -> foreign.contains(javaClass.getName()));
    }
}
