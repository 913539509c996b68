package com.mcpregistry.app;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.service.CheckRunner;
import com.mcpregistry.mcp.probe.ProbeSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the scheduled checks (PROBE_WORKERS): every {@link #POLL} it leases as many due checks as it
 * has free workers, under a name of its own, and runs them on that many daemon threads; when a batch filled every
 * worker, it asks again as soon as one is free. A lease outlasts a check ({@link #LEASE}), so no other instance takes
 * a check while it runs, and one that is never recorded (this instance died) is taken up by another when it expires.
 * Nothing a check or the database does stops the loop: a failure is logged and the next round goes on.
 *
 * <p>Stopping ends the leasing; checks running then may finish within a bounded time, the rest are left to their
 * leases' expiry.
 */
final class CheckWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckWorkers.class);

    /** How often an instance looks for due checks. */
    static final Duration POLL = Duration.ofSeconds(2);

    /** Twice the whole-check cap, and some: a lease never ends while its check may still run. */
    static final Duration LEASE = ProbeSettings.CHECK_TIMEOUT.multipliedBy(2).plusSeconds(10);

    /** How long a lease under way at a stop may take: the pool's wait for a connection, and some. */
    private static final Duration LEASING_STOP = Duration.ofSeconds(6);

    private final CheckRunner runner;
    private final String instance;
    private final Duration leaseFor;
    private final Semaphore free;
    private final ScheduledExecutorService leasing;
    private final ExecutorService workers;
    private volatile boolean moreMayBeDue;
    private volatile boolean stopped;

    private CheckWorkers(CheckRunner runner, int count, String instance, Duration leaseFor) {
        this.runner = runner;
        this.instance = instance;
        this.leaseFor = leaseFor;
        this.free = new Semaphore(count);
        this.leasing = Executors.newSingleThreadScheduledExecutor(daemons("check-leasing"));
        this.workers = Executors.newFixedThreadPool(count, daemons("check-worker"));
    }

    /** {@code count} workers running {@code runner}'s due checks, under this process's instance name. */
    static CheckWorkers start(CheckRunner runner, int count) {
        return start(runner, count, instanceName(), POLL, LEASE);
    }

    /** {@code count} workers leasing as {@code instance}, every {@code poll}, for {@code leaseFor}. */
    static CheckWorkers start(CheckRunner runner, int count, String instance, Duration poll, Duration leaseFor) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        CheckWorkers started = new CheckWorkers(runner, count, instance, leaseFor);
        started.leasing.scheduleWithFixedDelay(started::leaseAndRun, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("checking remote servers with {} workers as {}", count, instance);
        return started;
    }

    /** The name this instance's leases carry. */
    String instance() {
        return instance;
    }

    /** Leases as many due checks as there are free workers and hands each to one; on the leasing thread only. */
    private void leaseAndRun() {
        if (stopped) {
            return;
        }
        try {
            int idle = free.availablePermits();
            if (idle == 0) {
                return;
            }
            List<DueCheck> due = runner.lease(instance, idle, leaseFor);
            moreMayBeDue = due.size() == idle;
            for (DueCheck check : due) {
                // Only this thread takes permits, so each of these is free: none waits.
                free.acquireUninterruptibly();
                workers.execute(() -> run(check));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not lease due checks; trying again in a moment", e);
        }
    }

    private void run(DueCheck check) {
        try {
            runner.run(check);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn(
                    "the check of a remote of registration {} was not recorded; it is checked again when its lease"
                            + " expires",
                    check.registrationId(),
                    e);
        } finally {
            free.release();
            if (moreMayBeDue && !stopped) {
                try {
                    leasing.execute(this::leaseAndRun);
                } catch (RejectedExecutionException stopping) {
                    // Stopped since: no more leases, as wanted.
                }
            }
        }
    }

    /** Leases no more checks (after the lease under way, if any); those running go on. */
    void stop() {
        stopped = true;
        leasing.shutdown();
        try {
            if (!leasing.awaitTermination(LEASING_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                leasing.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leasing.shutdownNow();
        }
        workers.shutdown();
    }

    /** Waits up to {@code patience} for the running checks; true if none is left. */
    boolean awaitRunning(Duration patience) {
        try {
            boolean finished = workers.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                LOG.warn("checks still running at shutdown are left to their leases' expiry");
            }
            return finished;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops leasing and waits for the running checks, up to the time requests are given to finish. */
    @Override
    public void close() {
        stop();
        awaitRunning(RegistryServer.DRAIN_TIME);
    }

    /**
     * This process's name among the instances sharing the schedule: host, process id and a random suffix (a restarted
     * container may get the same host name and process id), within the 255 characters a lease holds.
     */
    static String instanceName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME"))
                .filter(name -> !name.isBlank())
                .orElseGet(CheckWorkers::localHostName);
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        String name = host + ":" + ProcessHandle.current().pid() + ":"
                + HexFormat.of().formatHex(suffix);
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
