package com.mcpregistry.domain.serverjson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A remote as an MCP client configures it when it installs it from a registry, as VS Code does
 * (microsoft/vscode, src/vs/platform/mcp/common/mcpManagementService.ts, {@code
 * getMcpServerConfigurationFromManifest}, its remote branch, and {@code processKeyValueInputs}): the URL exactly as
 * published (registry-only policies match it by exact string), and each header's value as {@link ClientInputs}
 * writes it ({@code ${input:…}} where the client asks its user); the inputs the client asks its user for.
 */
public record RemoteConfiguration(
        RemoteTransport transport, String url, Map<String, String> headers, List<InstallCommand.Prompt> prompts) {

    public RemoteConfiguration {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(url, "url");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        prompts = List.copyOf(prompts);
    }

    public static RemoteConfiguration of(Remote remote) {
        ClientInputs inputs = new ClientInputs();
        Map<String, String> headers = inputs.keyValues(remote.headers());
        return new RemoteConfiguration(remote.type(), remote.url().value(), headers, inputs.prompts);
    }
}
