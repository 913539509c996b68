package com.mcpregistry.bench;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One round of the checks measurement: one serve with {@code workers} workers checking every seeded remote once.
 *
 * @param round {@code cold}, the first round of a fresh serve, or {@code warm}, the same checks again
 * @param checks the checks recorded in the round
 * @param spanSeconds from the start of the round's first check to the end of its last (each check's {@code
 *     checked_at} less its latency, to its {@code checked_at})
 * @param serveCpuMs CPU time per check of serve
 * @param postgresCpuMs CPU time per check of PostgreSQL; empty when it runs elsewhere ({@code --database-url})
 * @param demoCpuMs CPU time per check of the demo MCP server
 * @param allocatedKib heap serve allocated per check, in KiB; empty without {@code jcmd}
 * @param peakRssMib serve's peak resident set so far
 * @param outcomes how many checks ended with each outcome, most first
 * @param load1 the 1-minute load average as the round started
 */
record CheckRound(
        int workers,
        String round,
        long checks,
        double spanSeconds,
        double p50Ms,
        double p99Ms,
        double serveCpuMs,
        OptionalDouble postgresCpuMs,
        double demoCpuMs,
        OptionalLong allocatedKib,
        long peakRssMib,
        Map<String, Long> outcomes,
        String load1) {

    /** The rate the round sustained: its checks over its span. */
    double checksPerMinute() {
        return spanSeconds > 0 ? checks / spanSeconds * 60 : 0;
    }

    /** How many remotes one instance keeps checked every {@code interval} at this rate. */
    long remotesCheckedEvery(Duration interval) {
        return (long) (checksPerMinute() * interval.toSeconds() / 60);
    }
}
