package org.cancelportal.insights.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SHA-256 hashes (hex) of the keys the product team's tools may use on the insights API; "none" in portal.xml. */
@ApplicationScoped
public class ApiSettings {

    @Inject
    @ConfigProperty(name = "insights.api-key-hashes")
    List<String> keyHashes;

    public List<String> keyHashes() {
        return keyHashes;
    }
}
