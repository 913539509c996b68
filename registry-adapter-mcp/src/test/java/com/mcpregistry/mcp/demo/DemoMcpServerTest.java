package com.mcpregistry.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolChanges;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.mcp.probe.McpRemoteProbe;
import com.mcpregistry.mcp.probe.ProbeSettings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo server, checked by the registry's own probe: what a reviewer approves, and the drift it can show. */
class DemoMcpServerTest {

    private final McpRemoteProbe probe = new McpRemoteProbe(ProbeSettings.defaults(List.of("127.0.0.0/8")));

    @Test
    void the_original_server_lists_the_ledger_tools_at_any_path_ending_in_mcp() throws Exception {
        try (DemoMcpServer server = DemoMcpServer.start(0, DemoMcpServer.Tools.ORIGINAL)) {
            for (URI url : List.of(server.url(), URI.create("http://127.0.0.1:" + server.port() + "/team-a/mcp"))) {
                ProbeReport report = probe.probe(url, RemoteTransport.STREAMABLE_HTTP);

                assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REACHABLE);
                assertThat(report.tools().tools()).extracting(Tool::name).containsExactly("book_entry", "lookup_entry");
            }
        }
    }

    @Test
    void the_drifted_server_changes_one_description_and_adds_a_tool() throws Exception {
        ProbeReport original;
        try (DemoMcpServer server = DemoMcpServer.start(0, DemoMcpServer.Tools.ORIGINAL)) {
            original = probe.probe(server.url(), RemoteTransport.STREAMABLE_HTTP);
        }
        try (DemoMcpServer server = DemoMcpServer.start(0, DemoMcpServer.Tools.DRIFTED)) {
            ProbeReport drifted = probe.probe(server.url(), RemoteTransport.STREAMABLE_HTTP);

            assertThat(ToolChanges.between(original.tools(), drifted.tools()))
                    .isEqualTo(new ToolChanges(
                            List.of("export_ledger"),
                            List.of(),
                            List.of(new ToolChanges.Changed("book_entry", List.of("description")))));
        }
    }
}
