package com.mcpregistry.domain.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a remote is checked next: one {@code interval} after a check that found a server, and after failures an
 * interval doubled for each failure in a row, at most {@value #MAX_BACKOFF_HOURS} hours; each spread by up to a tenth
 * either way ({@code jitter}, from -1 to 1), so that checks of many remotes registered together do not stay together.
 */
public record CheckSchedule(Duration interval) {
    public static final int MAX_BACKOFF_HOURS = 6;
    private static final Duration MAX_BACKOFF = Duration.ofHours(MAX_BACKOFF_HOURS);

    public CheckSchedule {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a check interval is positive");
        }
    }

    /** When to check next, after a check at {@code checkedAt} that ended {@code failuresInARow} failures in a row. */
    public Instant next(Instant checkedAt, int failuresInARow, double jitter) {
        if (jitter < -1 || jitter > 1) {
            throw new IllegalArgumentException("jitter is from -1 to 1");
        }
        Duration wait = interval;
        for (int i = 0; i < failuresInARow && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        long spread = (long) (wait.toMillis() / 10.0 * jitter);
        return checkedAt.plus(wait).plusMillis(spread);
    }
}
