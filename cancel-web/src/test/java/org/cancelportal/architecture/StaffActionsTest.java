package org.cancelportal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

/**
 * Every action of a staff page checks the role again itself (@RolesAllowed, enforced by RolesAllowedInterceptor),
 * whatever guards the page's path: a page's setters and its load step only read.
 */
class StaffActionsTest {

    @Test
    void everyActionOfAStaffPageNamesTheRolesAllowed() {
        methods().that().arePublic().and().haveRawReturnType(void.class)
                .and().haveNameNotMatching("set[A-Z].*|load")
                .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Page")
                .and().areDeclaredInClassesThat().resideInAnyPackage("..privacy.boundary..", "..outbox.boundary..",
                        "..supportdesk.boundary..", "..operatordata.boundary..", "..insights.boundary..",
                        "..webhook.boundary..")
                .should().beAnnotatedWith(RolesAllowed.class)
                .because("an admin, support or product action must refuse anyone without the role, even if a bug in"
                        + " the path rules let them reach it")
                .check(Modules.ALL);
    }
}
