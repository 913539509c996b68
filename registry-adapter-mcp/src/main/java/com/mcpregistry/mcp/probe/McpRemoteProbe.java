package com.mcpregistry.mcp.probe;

import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.mcp.egress.AddressGuard;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a remote MCP server with the MCP Java SDK's client, through the SSRF guard, within the caps of {@link
 * ProbeSettings}. Each check runs on its own thread so that nothing a server does can hold the caller past the
 * whole-check cap: at the cap the check's connections are closed and the report says {@code timeout}. Every text
 * of a report is {@link StorableText storable}.
 */
public final class McpRemoteProbe implements RemoteProbe {

    private final ProbeSettings settings;
    private final AddressGuard guard;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "remote-probe");
        thread.setDaemon(true);
        return thread;
    });

    public McpRemoteProbe(ProbeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = new AddressGuard(settings.allowedNetworks());
    }

    @Override
    public ProbeReport probe(URI url, RemoteTransport transport) {
        return StorableText.of(check(url, transport));
    }

    private ProbeReport check(URI url, RemoteTransport transport) {
        long started = System.nanoTime();
        ProbeSession session = new ProbeSession(settings, guard, url, transport, started);
        CompletableFuture<ProbeReport> report = new CompletableFuture<>();
        Future<?> running = checks.submit(() -> session.run(report));
        try {
            return report.get(settings.checkTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            session.abort();
            running.cancel(true);
            return ProbeReport.failed(
                    ProbeOutcome.TIMEOUT,
                    since(started),
                    "no complete answer within " + settings.checkTimeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            session.abort();
            return ProbeReport.failed(ProbeOutcome.PROTOCOL_ERROR, since(started), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            session.abort();
            running.cancel(true);
            Thread.currentThread().interrupt();
            return ProbeReport.failed(ProbeOutcome.TIMEOUT, since(started), "the check was interrupted");
        }
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
