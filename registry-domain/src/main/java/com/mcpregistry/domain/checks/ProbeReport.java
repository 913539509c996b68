package com.mcpregistry.domain.checks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check of one remote found: its outcome and how long it took; for a server that answered, the protocol
 * version it negotiated, who it said it is, its capabilities (canonical JSON text), its tools and how many prompts
 * and resources it listed; for one that asked for credentials, the authorization servers its protected-resource
 * metadata names; and, for any other outcome, what went wrong, for people.
 */
public record ProbeReport(
        ProbeOutcome outcome,
        Duration latency,
        Optional<String> protocolVersion,
        Optional<ServerInfo> serverInfo,
        Optional<String> capabilities,
        ToolSet tools,
        int prompts,
        int resources,
        List<String> authorizationServers,
        Optional<String> detail) {

    public ProbeReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(serverInfo, "serverInfo");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(tools, "tools");
        authorizationServers = List.copyOf(authorizationServers);
        Objects.requireNonNull(detail, "detail");
    }

    /** A check that found no server: {@code outcome} and why, after {@code latency}. */
    public static ProbeReport failed(ProbeOutcome outcome, Duration latency, String detail) {
        return new ProbeReport(
                outcome,
                latency,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ToolSet.NONE,
                0,
                0,
                List.of(),
                Optional.of(detail));
    }
}
