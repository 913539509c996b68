package com.mcpregistry.entra;

import com.mcpregistry.domain.Text;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Whom a development app-only token is for: a service principal, as a CI pipeline signs in with client credentials
 * or workload identity federation. Its token carries its {@code oid} (also as {@code sub}), its application id as
 * {@code azp}, its name as {@code app_displayname}, {@code idtyp} {@code app}, the publish app role (and the admin
 * role when {@code admin}), and no {@code scp}, name or e-mail.
 */
public record DevelopmentServicePrincipal(String objectId, String applicationId, String name, boolean admin) {

    public DevelopmentServicePrincipal {
        Text.require("oid", objectId, 128);
        Text.require("application_id", applicationId, 128);
        Text.require("service_principal", name, 1, IdentityClaims.MAX_DISPLAY_NAME);
    }

    /**
     * A service principal whose object and application ids are derived from its name, so that the same pipeline is
     * the same caller on every run.
     */
    public static DevelopmentServicePrincipal named(String name, boolean admin) {
        Text.require("service_principal", name, 1, IdentityClaims.MAX_DISPLAY_NAME);
        return new DevelopmentServicePrincipal(derived("object", name), derived("application", name), name, admin);
    }

    /** The same application with another object id. */
    public DevelopmentServicePrincipal withObjectId(String oid) {
        return new DevelopmentServicePrincipal(oid, applicationId, name, admin);
    }

    private static String derived(String kind, String name) {
        return UUID.nameUUIDFromBytes(
                        ("mcp-registry-dev:service-principal:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
