package com.mcpregistry.http.checks;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.checks.RemoteTools;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ToolChanges;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.http.shared.Milliseconds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code GET /registrations/{id}/tools}: for each remote, its status, the tools the latest check that
 * reached it found (absent before one did), what the approval saw (absent before an approval with a check that
 * reached it) and how the tools differ from that, tool by tool.
 */
public record RemoteToolsJson(List<RemoteJson> remotes) {

    /** The tools of one remote. {@code tools_checked_at} is when they were found, which may be before {@code checked_at}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RemoteJson(
            String url,
            String health,
            Optional<Instant> checkedAt,
            Optional<BigDecimal> latencyMs,
            boolean drift,
            Optional<Instant> toolsCheckedAt,
            Optional<String> toolsSha256,
            Optional<List<ToolJson>> tools,
            Optional<ToolSetJson> approval,
            ChangesJson changes) {

        static RemoteJson of(RemoteTools remote) {
            RemoteStatus status = remote.status();
            Optional<RemoteCheck> latest = remote.latest();
            return new RemoteJson(
                    status.remoteUrl(),
                    status.health().wireName(),
                    status.checkedAt(),
                    status.latency().map(Milliseconds::of),
                    status.drifted(),
                    latest.map(RemoteCheck::checkedAt),
                    latest.map(check -> check.report().tools().sha256()),
                    latest.map(check -> ToolJson.of(check.report().tools())),
                    remote.approval().map(ToolSetJson::of),
                    ChangesJson.of(remote.changes()));
        }
    }

    /** A set of tools and its hash. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ToolSetJson(String toolsSha256, List<ToolJson> tools) {
        static ToolSetJson of(ToolSet tools) {
            return new ToolSetJson(tools.sha256(), ToolJson.of(tools));
        }
    }

    /** The tools added and removed since the approval, and the fields of {@link ToolJson} that changed in others. */
    public record ChangesJson(List<String> added, List<String> removed, List<ChangedJson> changed) {
        private static final PropertyNamingStrategies.NamingBase TOOL_FIELD_NAMES =
                new PropertyNamingStrategies.SnakeCaseStrategy();

        static ChangesJson of(ToolChanges changes) {
            return new ChangesJson(
                    changes.added(),
                    changes.removed(),
                    changes.changed().stream()
                            .map(changed -> new ChangedJson(
                                    changed.name(),
                                    changed.fields().stream()
                                            .map(TOOL_FIELD_NAMES::translate)
                                            .toList()))
                            .toList());
        }
    }

    /** A tool in both sets, and the names its changed fields have in {@link ToolJson} (e.g. {@code input_schema}). */
    public record ChangedJson(String name, List<String> fields) {}

    public static RemoteToolsJson of(List<RemoteTools> remotes) {
        return new RemoteToolsJson(remotes.stream().map(RemoteJson::of).toList());
    }
}
