package com.mcpregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What Linux's /proc tells about processes: CPU time in clock ticks, peak resident memory, the load average. */
final class ProcFs {

    /** Fields of /proc/PID/stat, counted from the first one after the command name's closing parenthesis. */
    private static final int UTIME = 11;

    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private final long ticksPerSecond;

    private ProcFs(long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    static ProcFs open() {
        return new ProcFs(
                Long.parseLong(ExternalProgram.of("getconf", "CLK_TCK").output().trim()));
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** User and system time of a process so far; 0 once it is gone. */
    long cpuTicks(long pid) {
        long[] stat = stat(Long.toString(pid));
        return stat.length == 0 ? 0 : stat[UTIME] + stat[STIME];
    }

    /**
     * PostgreSQL's CPU time: the postmaster, the backends it has reaped and those alive now.
     */
    long postgresTicks(long postmasterPid) {
        long[] stat = stat(Long.toString(postmasterPid));
        if (stat.length == 0) {
            return 0;
        }
        long total = stat[UTIME] + stat[STIME] + stat[CUTIME] + stat[CSTIME];
        return total
                + ProcessHandle.of(postmasterPid).stream()
                        .flatMap(ProcessHandle::children)
                        .mapToLong(child -> cpuTicks(child.pid()))
                        .sum();
    }

    /**
     * The CPU time of this process's children that have ended: wrk's and pgbench's own, read around each run (the
     * benchmark runs one at a time; the serve instances it started are still running).
     */
    long endedChildrenTicks() {
        long[] stat = stat("self");
        return stat[CUTIME] + stat[CSTIME];
    }

    /** The process's peak resident set size (VmHWM) in KiB. */
    OptionalLong peakRssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The 1-minute load average. */
    static String load1() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numeric fields after the command name, or none when the process is gone. */
    private static long[] stat(String pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", pid, "stat"));
        } catch (NoSuchFileException gone) {
            return new long[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long[] numbers = new long[CSTIME + 1];
        for (int i = 1; i <= CSTIME; i++) { // the first is the state, a letter
            numbers[i] = Long.parseLong(fields[i]);
        }
        return numbers;
    }
}
