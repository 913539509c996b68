package com.mcpregistry.app;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.http.policy.PolicyFile;
import com.mcpregistry.policy.PolicyExport;
import com.mcpregistry.policy.service.PolicyExportService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code policy export}: the registry's approved state as a client's allow and deny lists, read from {@code
 * DATABASE_URL} as the other operator commands read it, the same file {@code GET /policy/{format}} answers.
 */
@Command(
        name = "policy",
        description = "The MCP server allow and deny lists clients enforce, from the registry (DATABASE_URL).",
        subcommands = {PolicyCommand.Export.class})
final class PolicyCommand {

    @Command(
            name = "export",
            description = "Export the approved state as one client's policy file: GitHub Copilot's"
                    + " managed-settings.json (copilot), Claude Code's managed settings (claude-code) or VS Code's"
                    + " policy.json (vscode).")
    static final class Export implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--format",
                required = true,
                paramLabel = "FORMAT",
                description = "copilot, claude-code or vscode")
        String format;

        @Option(
                names = "--output",
                paramLabel = "FILE",
                description = "write the file here (replaced whole, never half-written) instead of to standard output")
        Path output;

        @Override
        public Integer call() {
            PolicyFormat chosen;
            try {
                chosen = PolicyFormat.parse("--format", format);
            } catch (InvalidInput e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--format " + e.errors().get(0).message() + ", not '" + format + "'");
            }
            PolicyExport export = AdminCommand.withDatabase(
                    db -> new PolicyExportService(db.registrations(), db.checks(), db.auditTrail(), db.transactions())
                            .export(chosen));
            PolicyFile file = PolicyFile.of(export);
            if (output == null) {
                System.out.write(file.bytes(), 0, file.bytes().length);
                System.out.flush();
            } else {
                write(output, file.bytes());
                System.err.println("wrote " + output + " (" + chosen.wireName() + ": "
                        + export.policy().allowed().size() + " allowed, "
                        + export.policy().denied().size()
                        + " denied; "
                        + export.state()
                                .map(state ->
                                        "registry state of audit event " + state.auditEventId() + " at " + state.at())
                                .orElse("no audit event yet")
                        + ")");
            }
            return 0;
        }

        /** Writes {@code bytes} to a new file beside {@code target}, then moves it over {@code target} at once. */
        private static void write(Path target, byte[] bytes) {
            Path absolute = target.toAbsolutePath();
            try {
                Path written = Files.createTempFile(absolute.getParent(), ".policy", ".tmp");
                try {
                    Files.write(written, bytes);
                    Files.move(written, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(written);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
    }
}
