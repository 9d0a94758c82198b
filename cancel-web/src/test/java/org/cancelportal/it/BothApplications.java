package org.cancelportal.it;

import java.net.URL;
import org.cancelportal.it.support.TestDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Both applications on the test server, as in production: the portal and the exit survey. */
abstract class BothApplications {

    @Deployment(name = "portal", testable = false, order = 1)
    static WebArchive portal() {
        return TestDeployment.portal();
    }

    @Deployment(name = "survey", testable = false, order = 2)
    static WebArchive survey() {
        return TestDeployment.survey();
    }

    @ArquillianResource
    @OperateOnDeployment("portal")
    URL portal;

    @ArquillianResource
    @OperateOnDeployment("survey")
    URL survey;
}
