package org.cancelportal.operator.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The operators' API: their billing system pushes subscriptions in, opens portal sessions and cancels. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "Cancel Portal operator API", version = "1",
        description = "For the companies whose subscriptions the portal serves. Every call acts only on the calling"
                + " operator's own records, named by the operator's own ids, and is recorded in the audit trail."),
        security = @SecurityRequirement(name = "operatorKey"))
@SecurityScheme(securitySchemeName = "operatorKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An operator API key, sent as 'Authorization: Bearer <key>'. Keys are stored only as hashes;"
                + " POST /api/v1/api-keys/rotate makes a new one; the one it was made with keeps working for a grace period and"
                + " every other one stops. POST /api/v1/api-keys/revoke stops one at once.")
public class OperatorApi extends Application {
}
