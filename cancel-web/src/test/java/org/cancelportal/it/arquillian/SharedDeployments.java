package org.cancelportal.it.arquillian;

import io.openliberty.arquillian.managed.WLPManagedContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Lets test classes that deploy the same archives share one deployment instead of each starting the applications
 * afresh: a start of the portal costs 4 to 15 seconds, and most classes deploy exactly the same WARs. Each class still
 * finds exactly the applications it declares on the server (see {@link KeepingContainer}). Registered in
 * META-INF/services; {@link DeploymentOrder} runs the classes sharing a deployment one after another.
 */
public class SharedDeployments implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, WLPManagedContainer.class, KeepingContainer.class)
                .observer(UnwantedDeployments.class);
    }
}
