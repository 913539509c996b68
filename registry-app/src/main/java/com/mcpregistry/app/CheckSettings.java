package com.mcpregistry.app;

import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.checks.CheckSchedule;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.mcp.probe.ProbeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How this instance checks registered remote servers (SPEC §10): how many checks it runs at once from the shared
 * schedule ({@code PROBE_WORKERS}; none with 0, while checks asked for through the API still run), how often a
 * published version's remotes are checked ({@code PROBE_INTERVAL}), which networks a check may reach although they are
 * not public ({@code PROBE_ALLOWED_NETWORKS}), and what drift does ({@code DRIFT_ACTION}).
 */
public record CheckSettings(int workers, Duration interval, List<String> allowedNetworks, DriftAction driftAction) {

    public static final int DEFAULT_WORKERS = 2;
    public static final Duration DEFAULT_INTERVAL = RegistryCore.Checks.DEFAULT_INTERVAL;
    /** What {@code start-dev} may reach: the servers a developer runs on this machine. */
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    public CheckSettings {
        if (workers < 0) {
            throw new IllegalArgumentException("workers is not negative");
        }
        Objects.requireNonNull(interval, "interval");
        allowedNetworks = List.copyOf(allowedNetworks);
        Objects.requireNonNull(driftAction, "driftAction");
    }

    /** {@code serve}'s defaults: two workers, every 15 minutes, public addresses only, drift flagged. */
    public static CheckSettings defaults() {
        return new CheckSettings(DEFAULT_WORKERS, DEFAULT_INTERVAL, List.of(), DriftAction.FLAG);
    }

    /** The caps of a check, reaching the allowed networks. */
    ProbeSettings probe() {
        return ProbeSettings.defaults(allowedNetworks);
    }

    /** The checks the core runs with {@code probe}. */
    RegistryCore.Checks core(RemoteProbe probe) {
        return new RegistryCore.Checks(Optional.of(probe), new CheckSchedule(interval), driftAction);
    }
}
