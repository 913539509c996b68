package com.mcpregistry.http.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.http.shared.Milliseconds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One check of one remote, as the API writes it. What a server said of itself (its info, capabilities, tools and
 * their schemas) is the server's, not the registry's: it is written as data, strings as JSON strings and schemas as
 * JSON values. The tools, their hash and the counts of prompts and resources are there only when the check reached
 * the server; the authorization servers only when it asked for credentials; {@code detail} says what went wrong
 * otherwise.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemoteCheckJson(
        String remoteUrl,
        Instant checkedAt,
        String outcome,
        BigDecimal latencyMs,
        Optional<String> protocolVersion,
        Optional<ServerInfoJson> serverInfo,
        Optional<JsonNode> capabilities,
        Optional<List<ToolJson>> tools,
        Optional<String> toolsSha256,
        Optional<Integer> prompts,
        Optional<Integer> resources,
        Optional<List<String>> authorizationServers,
        Optional<String> detail) {

    /** Who the server said it is. */
    public record ServerInfoJson(String name, String version) {
        static ServerInfoJson of(ServerInfo info) {
            return new ServerInfoJson(info.name(), info.version());
        }
    }

    public static RemoteCheckJson of(RemoteCheck check) {
        ProbeReport report = check.report();
        boolean reached = report.outcome() == ProbeOutcome.REACHABLE;
        boolean asksForCredentials = report.outcome() == ProbeOutcome.REQUIRES_AUTH;
        return new RemoteCheckJson(
                check.remoteUrl(),
                check.checkedAt(),
                report.outcome().wireName(),
                Milliseconds.of(report.latency()),
                report.protocolVersion(),
                report.serverInfo().map(ServerInfoJson::of),
                report.capabilities().map(RemoteJsonText::value),
                reached ? Optional.of(ToolJson.of(report.tools())) : Optional.empty(),
                reached ? Optional.of(report.tools().sha256()) : Optional.empty(),
                reached ? Optional.of(report.prompts()) : Optional.empty(),
                reached ? Optional.of(report.resources()) : Optional.empty(),
                asksForCredentials ? Optional.of(report.authorizationServers()) : Optional.empty(),
                report.detail());
    }
}
