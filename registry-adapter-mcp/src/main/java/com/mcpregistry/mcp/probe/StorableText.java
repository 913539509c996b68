package com.mcpregistry.mcp.probe;

import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;

/**
 * Text a remote sent, in a form any store keeps: PostgreSQL text cannot hold U+0000, which JSON lets a server send
 * anywhere, so each one becomes U+FFFD (the replacement character). Every report a check gives passes here.
 */
final class StorableText {

    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {}

    static String of(String text) {
        return text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
    }

    /** {@code report} with every text in it storable: server, capabilities, tools, authorization servers, detail. */
    static ProbeReport of(ProbeReport report) {
        return new ProbeReport(
                report.outcome(),
                report.latency(),
                report.protocolVersion().map(StorableText::of),
                report.serverInfo().map(info -> new ServerInfo(of(info.name()), of(info.version()))),
                report.capabilities().map(StorableText::of),
                new ToolSet(
                        report.tools().tools().stream().map(StorableText::of).toList()),
                report.prompts(),
                report.resources(),
                report.authorizationServers().stream().map(StorableText::of).toList(),
                report.detail().map(StorableText::of));
    }

    private static Tool of(Tool tool) {
        return new Tool(
                of(tool.name()),
                tool.title().map(StorableText::of),
                tool.description().map(StorableText::of),
                of(tool.inputSchema()),
                tool.outputSchema().map(StorableText::of),
                tool.annotations().map(StorableText::of));
    }
}
