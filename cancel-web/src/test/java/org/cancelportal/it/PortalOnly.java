package org.cancelportal.it;

import java.net.URL;
import org.cancelportal.it.support.TestDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The portal alone on the test server, reached from outside as a browser would. */
abstract class PortalOnly {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.portal();
    }

    @ArquillianResource
    URL base;
}
