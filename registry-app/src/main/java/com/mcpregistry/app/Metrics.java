package com.mcpregistry.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process's metrics, exposed in Prometheus text format: HTTP requests, the connection pool, the JVM, and the
 * number of audit events. The JVM's are bound in the background once the registry serves ({@link
 * #bindJvmMetricsInBackground()}), off the start-up path: they load the platform's management beans, which no request
 * but a scrape needs, and a scrape waits for them.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile JvmGcMetrics gc;
    private final AtomicLong auditEvents = new AtomicLong(-1);
    private volatile CompletableFuture<Void> jvmMetrics = CompletableFuture.completedFuture(null);

    /** Binds the JVM's metrics (class loading, memory, GC, threads, processor, uptime) on a thread of their own. */
    public void bindJvmMetricsInBackground() {
        jvmMetrics = CompletableFuture.runAsync(this::bindJvmMetrics, task -> {
            Thread thread = new Thread(task, "jvm-metrics");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void bindJvmMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Records how many events the audit trail holds, as {@code registry_audit_events} (no labels): a monitoring
     * system that keeps its history sees the count fall if events are removed. Absent until first recorded.
     */
    public void auditEvents(long count) {
        if (auditEvents.getAndSet(count) < 0) {
            Gauge.builder("registry.audit.events", auditEvents, AtomicLong::get)
                    .description("events in the audit trail, counted at the last audit checkpoint")
                    .register(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        jvmMetrics.join();
        return registry.scrape();
    }

    @Override
    public void close() {
        jvmMetrics.join();
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
