package org.cancelportal.it.arquillian;

import io.openliberty.arquillian.managed.WLPManagedContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The Liberty test server, keeping an application deployed after the test class that deployed it: a class that then
 * deploys an archive of the same content gets the running application. An archive of the same name but other content
 * (an in-container test's, which carries its test class) replaces it; {@link UnwantedDeployments} removes what the next
 * class does not declare; everything kept is undeployed before the server stops.
 */
public class KeepingContainer extends WLPManagedContainer {

    private record Kept(Archive<?> archive, String fingerprint, ProtocolMetaData metaData) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>();

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String fingerprint = Fingerprint.of(archive);
        Kept running = kept.get(archive.getName());
        if (running != null && running.fingerprint().equals(fingerprint)) {
            return running.metaData();
        }
        if (running != null) {
            undeployKept(archive.getName());
        }
        ProtocolMetaData metaData = super.deploy(archive);
        kept.put(archive.getName(), new Kept(archive, fingerprint, metaData));
        return metaData;
    }

    /** Keeps the application; one whose deployment failed, and so is not kept, is cleaned up as before. */
    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        if (!kept.containsKey(archive.getName())) {
            super.undeploy(archive);
        }
    }

    /** Undeploys every kept application whose archive is not among these names. */
    void keepOnly(Set<String> archiveNames) throws DeploymentException {
        List<String> unwanted = new ArrayList<>(kept.keySet());
        unwanted.removeAll(archiveNames);
        // the reverse of the deployment order, as Arquillian undeploys a class's deployments
        for (int i = unwanted.size() - 1; i >= 0; i--) {
            undeployKept(unwanted.get(i));
        }
    }

    private void undeployKept(String archiveName) throws DeploymentException {
        Kept leaving = kept.remove(archiveName);
        super.undeploy(leaving.archive());
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            keepOnly(Set.of());
        } catch (DeploymentException e) {
            throw new LifecycleException("Could not undeploy the applications kept for the test classes", e);
        } finally {
            super.stop();
        }
    }
}
