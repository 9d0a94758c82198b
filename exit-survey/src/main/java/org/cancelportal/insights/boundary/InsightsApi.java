package org.cancelportal.insights.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The product team's results API, for their own tools: the same figures and answers as the pages. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "Cancel Portal insights", version = "1",
        description = "Exit-survey answers and cancellation figures for product teams. Anonymous answers stay"
                + " anonymous: no name, email or subscriber id appears in any response."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key from insights.api-key-hashes, sent as 'Authorization: Bearer <key>'. A browser"
                + " session of someone with the product or admin role works too.")
public class InsightsApi extends Application {
}
