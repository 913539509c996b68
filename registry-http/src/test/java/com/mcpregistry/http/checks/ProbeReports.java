package com.mcpregistry.http.checks;

import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the scripted servers of these tests answer a check. */
final class ProbeReports {
    static final Duration LATENCY = Duration.ofNanos(42_125_400);
    static final String PROTOCOL_VERSION = "2025-06-18";
    static final String CAPABILITIES = "{\"prompts\":{},\"tools\":{\"listChanged\":true}}";
    static final String INPUT_SCHEMA = "{\"properties\":{\"account\":{\"type\":\"string\"}},\"type\":\"object\"}";

    private ProbeReports() {}

    /** A tool with a description, an input schema and nothing else. */
    static Tool tool(String name, String description) {
        return new Tool(
                name, Optional.empty(), Optional.of(description), INPUT_SCHEMA, Optional.empty(), Optional.empty());
    }

    /** A server that answered, listing {@code tools}, two prompts and one resource. */
    static ProbeReport reachable(Tool... tools) {
        return new ProbeReport(
                ProbeOutcome.REACHABLE,
                LATENCY,
                Optional.of(PROTOCOL_VERSION),
                Optional.of(new ServerInfo("ledger-server", "1.4.0")),
                Optional.of(CAPABILITIES),
                new ToolSet(List.of(tools)),
                2,
                1,
                List.of(),
                Optional.empty());
    }

    /** A server that asked for credentials from {@code authorizationServers}. */
    static ProbeReport requiresAuth(String... authorizationServers) {
        return new ProbeReport(
                ProbeOutcome.REQUIRES_AUTH,
                Duration.ofMillis(7),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ToolSet.NONE,
                0,
                0,
                List.of(authorizationServers),
                Optional.of("401 with WWW-Authenticate and protected-resource metadata"));
    }

    /** A check that found no server. */
    static ProbeReport failed(ProbeOutcome outcome, String detail) {
        return ProbeReport.failed(outcome, Duration.ofSeconds(20), detail);
    }
}
