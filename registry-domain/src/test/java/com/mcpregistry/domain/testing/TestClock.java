package com.mcpregistry.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * The one test clock: it stands still until a test moves it, so token lifetimes, key caches, rate limits and
 * stored times need no sleeping; or, made by {@link #systemTime()}, it reads the system clock. While {@link #gate
 * gated}, every reading first waits until all parties of the gate read it: concurrent use cases then all write at
 * once. Safe to read from several threads.
 */
public final class TestClock extends Clock {
    private volatile Instant now;
    private volatile CyclicBarrier gate;

    /** A clock standing still at {@code start}. */
    public TestClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    private TestClock() {
        this.now = null;
    }

    /** A clock that reads the system clock (and can only be gated, not moved). */
    public static TestClock systemTime() {
        return new TestClock();
    }

    /** A clock at a whole second (JWT times have second precision), near the real time. */
    public static TestClock atSecond() {
        return new TestClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    public synchronized Instant advance(Duration by) {
        if (now == null) {
            throw new IllegalStateException("a clock on system time cannot be moved");
        }
        now = now.plus(by);
        return now;
    }

    /** From now on each reading waits at {@code barrier}; {@code null} lifts the gate. */
    public void gate(CyclicBarrier barrier) {
        this.gate = barrier;
    }

    @Override
    public Instant instant() {
        CyclicBarrier current = gate;
        if (current != null) {
            try {
                current.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other parties never read the clock", e);
            }
        }
        Instant standing = now;
        return standing != null ? standing : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The registry works in UTC: the zone is ignored. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
