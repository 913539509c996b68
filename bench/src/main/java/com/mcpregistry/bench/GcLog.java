package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM allocated, read from its {@code -Xlog:gc} log: each pause's line gives the heap in use before and after it
 * ({@code 25M->3M(256M)}), so what was allocated between two pauses is the heap before the later one less the heap
 * after the earlier one. Between two pauses the benchmark asks for ({@code jcmd PID GC.run}), the sum of those is
 * everything allocated in between, to a mebibyte per pause.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("\\b(\\d+)M->(\\d+)M\\(\\d+M\\)");

    private GcLog() {}

    /** The pauses the log holds so far, in order. */
    static List<Pause> pauses(Path log) throws IOException {
        return pauses(Files.readAllLines(log));
    }

    static List<Pause> pauses(List<String> lines) {
        return lines.stream()
                .map(PAUSE::matcher)
                .filter(Matcher::find)
                .map(m -> new Pause(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                .toList();
    }

    /**
     * MiB allocated from the end of pause {@code from} to the start of pause {@code to} (indexes into {@code
     * pauses}, {@code from < to}).
     */
    static long allocatedMib(List<Pause> pauses, int from, int to) {
        if (from < 0 || to <= from || to >= pauses.size()) {
            throw new IllegalArgumentException("pauses " + from + " to " + to + " of " + pauses.size());
        }
        long allocated = 0;
        for (int i = from + 1; i <= to; i++) {
            allocated += pauses.get(i).beforeMib() - pauses.get(i - 1).afterMib();
        }
        return allocated;
    }

    /** The heap in use before and after one pause. */
    record Pause(long beforeMib, long afterMib) {}
}
