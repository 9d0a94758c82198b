package org.cancelportal.it.support;

import java.io.File;
import org.cancelportal.demo.control.DemoData;
import org.cancelportal.it.clock.ShiftedClockProducer;
import org.cancelportal.it.failure.FailureServlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR exactly as built, plus the test support package, the test clock and the demo data. A web fragment opens Arquillian's runner and the
 * fixture endpoint to calls without a login; everything else stays as protected as in production.
 */
public final class TestDeployment {

    private TestDeployment() {
    }

    public static WebArchive portal() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "cancel-web.war")
                .importFrom(new File("target/cancel-web.war"))
                .as(WebArchive.class);
        war.addPackage(TestDeployment.class.getPackage());
        war.addPackage(ShiftedClockProducer.class.getPackage());
        war.addPackage(DemoData.class.getPackage()); // the tests' subscribers, as the run command has them
        war.addAsLibrary(testAccess());
        return war;
    }

    /**
     * The survey module exactly as built, deployed beside the portal at /exit-survey, on the same test clock, with a
     * page that fails like a bug, open to the tests as the portal's fixtures are.
     */
    public static WebArchive survey() {
        return ShrinkWrap.create(ZipImporter.class, "exit-survey.war")
                .importFrom(new File("../exit-survey/target/exit-survey.war"))
                .as(WebArchive.class)
                .addPackage(ShiftedClockProducer.class.getPackage())
                .addPackage(FailureServlet.class.getPackage())
                .addAsLibrary(testAccess());
    }

    private static JavaArchive testAccess() {
        return ShrinkWrap.create(JavaArchive.class, "test-access.jar")
                .addAsManifestResource(new StringAsset(WEB_FRAGMENT), "web-fragment.xml");
    }

    private static final String WEB_FRAGMENT = """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <name>test_access</name>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>Test runner and fixtures</web-resource-name>
                  <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                  <url-pattern>/ArquillianServletRunner</url-pattern>
                  <url-pattern>/test-fixtures/*</url-pattern>
                </web-resource-collection>
              </security-constraint>
            </web-fragment>
            """;
}
