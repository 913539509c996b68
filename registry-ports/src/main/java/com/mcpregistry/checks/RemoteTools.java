package com.mcpregistry.checks;

import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ToolChanges;
import com.mcpregistry.domain.checks.ToolSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The tools of one remote of a registration: its status, the latest check that reached it (with the tools it listed),
 * what the registration's approval saw, and how the tools now differ from that, tool by tool.
 */
public record RemoteTools(
        RemoteStatus status, Optional<RemoteCheck> latest, Optional<ToolSet> approval, ToolChanges changes) {
    public RemoteTools {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(changes, "changes");
    }
}
