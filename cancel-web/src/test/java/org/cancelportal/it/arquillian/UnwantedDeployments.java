package org.cancelportal.it.arquillian;

import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Before a test class's applications are deployed, undeploys the kept ones it does not declare: a class on the portal
 * alone must not have the survey running beside it (its relay would send invitations into the class's mailbox).
 */
public class UnwantedDeployments {

    @Inject
    private Instance<DeploymentScenario> scenario;

    @Inject
    private Instance<ContainerRegistry> registry;

    public void undeployUnwanted(@Observes(precedence = 100) DeployManagedDeployments event)
            throws DeploymentException {
        Set<String> wanted = scenario.get().deployments().stream()
                .map(deployment -> deployment.getDescription())
                .filter(DeploymentDescription::managed)
                .filter(DeploymentDescription::isArchiveDeployment)
                .map(description -> description.getArchive().getName())
                .collect(Collectors.toSet());
        for (Container container : registry.get().getContainers()) {
            if (container.getDeployableContainer() instanceof KeepingContainer keeping) {
                keeping.keepOnly(wanted);
            }
        }
    }
}
