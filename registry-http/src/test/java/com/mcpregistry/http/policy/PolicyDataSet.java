package com.mcpregistry.http.policy;

import static java.util.Map.entry;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.testing.RegistrationTestData;
import com.mcpregistry.http.serverjson.ServerJsonText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A fixed registry of servers in every standing a policy knows, as server.json documents and what became of each
 * version, and the servers a user of each client then has configured with what every client must decide for them.
 * The configured servers are written as the clients write them (the command lines as VS Code's
 * getMcpServerConfigurationFromManifest builds them for npm, PyPI, OCI and NuGet), not computed by the registry.
 */
public final class PolicyDataSet {
    private PolicyDataSet() {}

    /** What became of a version after it was submitted. */
    public enum Fate {
        APPROVED,
        DEPRECATED,
        REJECTED,
        /** Approved, then deleted. */
        DELETED,
        /** Approved, then its tools changed. */
        DRIFTED,
        PENDING
    }

    /** One version: its server.json and its fate. */
    public record Version(String serverJson, Fate fate) {}

    private static final String SCHEMA =
            "\"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\"";

    private static String server(String name, String version, String rest) {
        return "{" + SCHEMA + ", \"name\": \"" + name + "\", \"description\": \"The " + name + " server\","
                + " \"version\": \"" + version + "\", " + rest + "}";
    }

    private static String remote(String url) {
        return "{\"type\": \"streamable-http\", \"url\": \"" + url + "\"}";
    }

    private static String npm(String identifier, String version) {
        return "{\"registryType\": \"npm\", \"identifier\": \"" + identifier + "\", \"version\": \"" + version
                + "\", \"transport\": {\"type\": \"stdio\"}}";
    }

    /** The versions, in the order they are submitted. */
    public static final List<Version> VERSIONS = List.of(
            new Version(
                    server(
                            "com.contoso/ledger",
                            "1.1.0",
                            "\"remotes\": [" + remote("https://mcp.contoso.com/ledger") + "], \"packages\": ["
                                    + npm("@contoso/ledger-cli", "1.1.0") + "]"),
                    Fate.DRIFTED),
            new Version(
                    server(
                            "com.contoso/ledger",
                            "1.2.0",
                            "\"remotes\": [" + remote("https://mcp.contoso.com/ledger") + "], \"packages\": ["
                                    + npm("@contoso/ledger-cli", "1.2.0") + "]"),
                    Fate.APPROVED),
            new Version(
                    server(
                            "com.contoso/tenants",
                            "2.0.0",
                            "\"remotes\": [{\"type\": \"streamable-http\", \"url\":"
                                    + " \"https://{tenant}.tenants.contoso.com/mcp\", \"variables\": {\"tenant\":"
                                    + " {\"description\": \"Your tenant\", \"isRequired\": true}}}]"),
                    Fate.APPROVED),
            new Version(
                    server(
                            "com.contoso/search",
                            "0.3.1",
                            "\"remotes\": [" + remote("https://Search.Contoso.com:443/mcp") + "], \"packages\":"
                                    + " [{\"registryType\": \"pypi\", \"identifier\": \"contoso-search\", \"version\":"
                                    + " \"0.3.1\", \"transport\": {\"type\": \"stdio\"}}]"),
                    Fate.DEPRECATED),
            new Version(
                    server(
                            "com.contoso/files",
                            "2.0.0",
                            "\"packages\": [{\"registryType\": \"oci\", \"identifier\": \"ghcr.io/contoso/files:2.0.0\","
                                    + " \"transport\": {\"type\": \"stdio\"}, \"environmentVariables\": [{\"name\":"
                                    + " \"FILES_ROOT\", \"value\": \"/data\"}]}]"),
                    Fate.APPROVED),
            new Version(
                    server(
                            "com.contoso/tickets",
                            "1.0.0",
                            "\"packages\": [{\"registryType\": \"nuget\", \"identifier\": \"Contoso.Tickets\","
                                    + " \"version\": \"1.0.0\", \"transport\": {\"type\": \"stdio\"},"
                                    + " \"packageArguments\": [{\"type\": \"positional\", \"value\": \"serve\"}]}]"),
                    Fate.APPROVED),
            new Version(
                    server(
                            "com.fabrikam/notes",
                            "1.0.0",
                            "\"remotes\": [" + remote("https://notes.fabrikam.com/mcp") + "], \"packages\": ["
                                    + npm("@fabrikam/notes", "1.0.0") + "]"),
                    Fate.REJECTED),
            new Version(
                    server(
                            "com.contoso/legacy",
                            "1.0.0",
                            "\"remotes\": [" + remote("https://legacy.contoso.com/mcp") + "]"),
                    Fate.DELETED),
            new Version(
                    server(
                            "com.contoso/payroll",
                            "1.0.0",
                            "\"remotes\": [" + remote("https://payroll.contoso.com/mcp") + "]"),
                    Fate.DRIFTED),
            new Version(
                    server(
                            "com.contoso/drafts",
                            "0.1.0",
                            "\"remotes\": [" + remote("https://drafts.contoso.com/mcp") + "]"),
                    Fate.PENDING));

    /** The registry state the golden files name. */
    public static final UUID LATEST_AUDIT_EVENT = UUID.fromString("6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b");

    public static final Instant LATEST_AUDIT_EVENT_AT = Instant.parse("2026-12-01T09:30:00.250Z");

    /** The versions as registrations in their standings, created a second apart in the order of {@link #VERSIONS}. */
    public static List<Registration> registrations() {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        List<Registration> registrations = new ArrayList<>();
        for (Version version : VERSIONS) {
            ServerDocument document = ServerJsonText.INSTANCE.read(version.serverJson());
            RegistrationStatus status = switch (version.fate()) {
                case APPROVED, DELETED, DRIFTED -> RegistrationStatus.APPROVED;
                case DEPRECATED -> RegistrationStatus.DEPRECATED;
                case REJECTED -> RegistrationStatus.REJECTED;
                case PENDING -> RegistrationStatus.PENDING;
            };
            at = at.plusSeconds(1);
            RegistrationTestData.Builder registration = RegistrationTestData.aRegistration()
                    .withServerName(document.name().value())
                    .withVersion(document.version().value())
                    .withDetails(new ServerDetails(document.definition(), Optional.empty(), Tags.NONE))
                    .withStatus(status)
                    .createdAt(at);
            if (version.fate() == Fate.DELETED) {
                registration.deletedAt(at);
            }
            registrations.add(registration.build());
        }
        return registrations;
    }

    /** The registrations of {@code registrations} (as {@link #registrations} gives them) whose tools drifted. */
    public static Set<RegistrationId> drifted(List<Registration> registrations) {
        Set<RegistrationId> drifted = new LinkedHashSet<>();
        for (int i = 0; i < VERSIONS.size(); i++) {
            if (VERSIONS.get(i).fate() == Fate.DRIFTED) {
                drifted.add(registrations.get(i).id());
            }
        }
        return drifted;
    }

    /**
     * The servers a user configures from this registry, as their client writes them, and what every client must
     * decide: approved and deprecated versions run; rejected, deleted and drifted ones are denied; a pending one and
     * servers the registry never saw are not allowed. Keyed by the version's fate ({@code null}: not in the registry).
     */
    public static final List<Map.Entry<ConfiguredServer, Verdict>> CONFIGURED = List.of(
            entry(ConfiguredServer.remote("com.contoso/ledger", "https://mcp.contoso.com/ledger"), Verdict.ALLOWED),
            entry(ConfiguredServer.local("com.contoso/ledger", "npx", "@contoso/ledger-cli@1.2.0"), Verdict.ALLOWED),
            entry(
                    ConfiguredServer.remote("com.contoso/tenants", "https://acme.tenants.contoso.com/mcp"),
                    Verdict.ALLOWED),
            entry(ConfiguredServer.remote("com.contoso/search", "https://Search.Contoso.com:443/mcp"), Verdict.ALLOWED),
            entry(ConfiguredServer.local("com.contoso/search", "uvx", "contoso-search@0.3.1"), Verdict.ALLOWED),
            entry(
                    ConfiguredServer.local(
                            "com.contoso/files",
                            "docker",
                            "run",
                            "-i",
                            "--rm",
                            "-e",
                            "FILES_ROOT",
                            "ghcr.io/contoso/files:2.0.0"),
                    Verdict.ALLOWED),
            entry(
                    ConfiguredServer.local(
                            "com.contoso/tickets", "dnx", "Contoso.Tickets@1.0.0", "--yes", "--", "serve"),
                    Verdict.ALLOWED),
            entry(ConfiguredServer.remote("com.fabrikam/notes", "https://notes.fabrikam.com/mcp"), Verdict.DENIED),
            entry(ConfiguredServer.local("com.fabrikam/notes", "npx", "@fabrikam/notes@1.0.0"), Verdict.DENIED),
            entry(ConfiguredServer.remote("com.contoso/legacy", "https://legacy.contoso.com/mcp"), Verdict.DENIED),
            entry(ConfiguredServer.local("com.contoso/ledger", "npx", "@contoso/ledger-cli@1.1.0"), Verdict.DENIED),
            entry(ConfiguredServer.remote("com.contoso/payroll", "https://payroll.contoso.com/mcp"), Verdict.DENIED),
            entry(ConfiguredServer.remote("com.contoso/drafts", "https://drafts.contoso.com/mcp"), Verdict.NOT_ALLOWED),
            entry(ConfiguredServer.remote("evil", "https://evil.example.com/mcp"), Verdict.NOT_ALLOWED),
            entry(
                    ConfiguredServer.remote("ledger", "https://mcp.contoso.com.evil.example/ledger"),
                    Verdict.NOT_ALLOWED),
            entry(ConfiguredServer.local("evil", "npx", "-y", "@contoso/ledger-cli@1.2.0"), Verdict.NOT_ALLOWED),
            entry(ConfiguredServer.local("evil", "npx", "evil-mcp@6.6.6"), Verdict.NOT_ALLOWED),
            entry(ConfiguredServer.local("com.contoso/ledger", "node", "evil.js"), Verdict.NOT_ALLOWED));
}
