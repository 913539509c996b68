package com.mcpregistry.http.checks;

import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RemoteProbe} that answers what the test scripted for each URL, and remembers what it was asked: the HTTP
 * routes are tested over it; connecting to real MCP servers is the MCP adapter's business and is tested there and
 * end to end. A URL nobody scripted is unreachable.
 */
final class ScriptedProbe implements RemoteProbe {
    private final Map<String, ProbeReport> answers = new ConcurrentHashMap<>();
    private final List<String> probed = new CopyOnWriteArrayList<>();

    /** From now on, the server at {@code url} answers {@code report}. */
    void answer(String url, ProbeReport report) {
        answers.put(url, report);
    }

    /** The URLs probed so far, in order. */
    List<String> probed() {
        return List.copyOf(probed);
    }

    @Override
    public ProbeReport probe(URI url, RemoteTransport transport) {
        probed.add(url.toString());
        return answers.getOrDefault(
                url.toString(),
                ProbeReport.failed(ProbeOutcome.UNREACHABLE, Duration.ofMillis(3), "connection refused"));
    }
}
