package com.mcpregistry.app;

import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.in.VerifyAuditUseCase;
import com.mcpregistry.audit.service.AuditService;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.http.serverjson.ServerJsonText;
import com.mcpregistry.identity.service.UserService;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Operator commands against {@code DATABASE_URL}: the break-glass admin flag, server owners and namespace claims,
 * and checking and checkpointing the audit trail (with {@code AUDIT_KEY} and {@code AUDIT_KEYS_PREVIOUS}).
 */
@Command(
        name = "admin",
        description = "Operator commands (DATABASE_URL; AUDIT_KEY, AUDIT_KEYS_PREVIOUS).",
        subcommands = {
            AdminCommand.Grant.class,
            AdminCommand.Revoke.class,
            AdminCommand.Audit.class,
            OwnershipCommands.Owners.class,
            OwnershipCommands.Namespace.class
        })
final class AdminCommand {

    /** Runs {@code work} against the database's adapters (the audit chain under the audit keys), then closes the pool. */
    static <T> T withDatabase(Function<PostgresAdapters, T> work) {
        Logging.configure(ServeSettings.LogFormat.TEXT, "WARN");
        Environment env = Environment.ofProcess();
        SettingProblems problems = new SettingProblems();
        PoolSettings database = problems.read("DATABASE_URL", () -> ServeSettings.database(env, 0, 2));
        AuditKeys keys = problems.read("AUDIT_KEY", () -> ServeSettings.auditKeys(env));
        problems.throwIfAny();
        try (HikariDataSource dataSource = PostgresPool.create(database)) {
            return UnreachableDatabase.reporting(
                    database,
                    () -> work.apply(new PostgresAdapters(dataSource, new AuditChain(keys), ServerJsonText.INSTANCE)));
        }
    }

    static VerifyAuditUseCase audit(PostgresAdapters db) {
        return new AuditService(db.auditTrail(), Clock.systemUTC());
    }

    static UserService users(PostgresAdapters db) {
        return new UserService(db.users(), db.auditTrail(), db.transactions(), Clock.systemUTC());
    }

    static void print(String verb, User user) {
        System.out.println(verb + " the admin flag of " + user.displayName() + " (user " + user.id() + ", oid "
                + user.identity().objectId() + ", tenant " + user.identity().tenantId()
                + user.verifiedEmail()
                        .map(email -> ", verified e-mail " + email)
                        .orElse("") + ")");
    }

    @Command(
            name = "grant",
            description = "Set the break-glass admin flag of a user (by Entra object id, or by an e-mail Entra ID"
                    + " verified).")
    static final class Grant extends FlagChange {
        Grant() {
            super("granted", UserService::grant);
        }
    }

    @Command(
            name = "revoke",
            description = "Clear the break-glass admin flag of a user (by Entra object id, or by an e-mail Entra ID"
                    + " verified).")
    static final class Revoke extends FlagChange {
        Revoke() {
            super("revoked", UserService::revoke);
        }
    }

    /** Sets or clears the flag of the user named on the command line, and says what it did. */
    abstract static class FlagChange implements Callable<Integer> {
        private final String verb;
        private final BiFunction<UserService, String, User> change;

        @Parameters(paramLabel = "EMAIL_OR_OID")
        String who;

        FlagChange(String verb, BiFunction<UserService, String, User> change) {
            this.verb = verb;
            this.change = change;
        }

        @Override
        public Integer call() {
            print(verb, withDatabase(db -> change.apply(users(db), who)));
            return 0;
        }
    }

    @Command(
            name = "audit",
            description = "Audit trail commands.",
            subcommands = {AdminCommand.Verify.class, AdminCommand.Checkpoint.class})
    static final class Audit {}

    @Command(
            name = "verify",
            description = {
                "Recompute the audit hash chain (AUDIT_KEY, AUDIT_KEYS_PREVIOUS) and check it against checkpoints"
                        + " taken earlier; exit 1 if any event was altered, removed or added by someone without the"
                        + " key."
            })
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--checkpoint",
                paramLabel = "STATEMENT_OR_FILE",
                description = "a statement printed by 'admin audit checkpoint', or a file holding such statements"
                        + " (a log serve wrote them to): each must still hold. Repeatable.")
        List<String> checkpoints = new ArrayList<>();

        @Override
        public Integer call() {
            List<AuditCheckpoint> statements = new ArrayList<>();
            for (String given : checkpoints) {
                statements.addAll(checkpointsIn(given));
            }
            ChainVerification result = withDatabase(db -> audit(db).verifyChain(statements));
            if (result.intact()) {
                System.out.println("audit chain intact: " + result.eventsChecked() + " events checked"
                        + (result.unkeyedEvents() == 0
                                ? ""
                                : " (" + result.unkeyedEvents() + " unkeyed, written before AUDIT_KEY was set)")
                        + (statements.isEmpty() ? "" : "; " + statements.size() + " checkpoint(s) hold"));
                return 0;
            }
            ChainVerification.Break broken = result.broken().orElseThrow();
            System.out.println(
                    "audit chain BROKEN: " + broken.reason() + " (" + result.eventsChecked() + " events checked)");
            return 1;
        }

        /** The statements in {@code given}: a file's, when it names a readable file, else its own. */
        private List<AuditCheckpoint> checkpointsIn(String given) {
            Optional<Path> file = asFile(given);
            String text;
            try {
                text = file.isPresent() ? Files.readString(file.get(), StandardCharsets.UTF_8) : given;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.get(), e);
            }
            List<AuditCheckpoint> found;
            try {
                found = AuditCheckpoint.findIn(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--checkpoint: " + e.getMessage());
            }
            if (found.isEmpty()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--checkpoint: no audit checkpoint statement (mcp-registry-audit-checkpoint;v=1;…) in "
                                + file.map(path -> "the file " + path).orElse("'" + given + "'"));
            }
            return found;
        }

        private static Optional<Path> asFile(String given) {
            try {
                Path path = Path.of(given);
                return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
    }

    @Command(
            name = "checkpoint",
            description = {
                "Print the audit trail's head (event count, newest hash, time) signed with AUDIT_KEY: keep it outside"
                        + " the database, and check the trail against it later with 'admin audit verify --checkpoint'."
            })
    static final class Checkpoint implements Callable<Integer> {
        @Override
        public Integer call() {
            if (ServeSettings.auditKeys(Environment.ofProcess()).current().isEmpty()) {
                throw new ConfigurationError("AUDIT_KEY", "is required to sign a checkpoint");
            }
            System.out.println(
                    withDatabase(db -> audit(db).checkpoint()).orElseThrow().statement());
            return 0;
        }
    }
}
