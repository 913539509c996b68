package com.mcpregistry.bench;

import java.util.OptionalLong;

/**
 * CPU time per request, in microseconds, of the three parties of a measurement: the instance asked (serve or the
 * floor), PostgreSQL (only when it runs on this machine) and the load generator.
 */
final class CpuMeter {

    private final ProcFs proc;
    private final OptionalLong postmasterPid;

    CpuMeter(ProcFs proc, OptionalLong postmasterPid) {
        this.proc = proc;
        this.postmasterPid = postmasterPid;
    }

    /** Ticks so far; {@code servePid} (serve's or the floor's) empty for a pgbench measurement. */
    Sample sample(OptionalLong servePid) {
        return new Sample(
                servePid.isPresent() ? proc.cpuTicks(servePid.getAsLong()) : 0,
                postmasterPid.isPresent() ? proc.postgresTicks(postmasterPid.getAsLong()) : 0,
                proc.endedChildrenTicks());
    }

    /** Whether PostgreSQL runs on this machine, where its CPU time is read. */
    boolean measuresPostgres() {
        return postmasterPid.isPresent();
    }

    Usage perRequest(Sample before, Sample after, long requests) {
        return new Usage(
                micros(after.serve - before.serve, requests),
                postmasterPid.isPresent() ? micros(after.postgres - before.postgres, requests) : Double.NaN,
                micros(after.client - before.client, requests));
    }

    private double micros(long ticks, long requests) {
        return requests > 0 ? ticks * 1e6 / proc.ticksPerSecond() / requests : 0;
    }

    record Sample(long serve, long postgres, long client) {}

    /**
     * Microseconds per request: of the process asked (serve or the floor; 0 for pgbench), of PostgreSQL (NaN when it
     * runs elsewhere) and of the load generator.
     */
    record Usage(double serve, double postgres, double client) {}
}
