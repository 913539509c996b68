package com.mcpregistry.app;

import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.service.AuditService;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.service.UserService;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Operator commands against {@code DATABASE_URL}: the break-glass admin flag and the audit chain check. */
@Command(
        name = "admin",
        description = "Operator commands (DATABASE_URL).",
        subcommands = {AdminCommand.Grant.class, AdminCommand.Revoke.class, AdminCommand.Audit.class})
final class AdminCommand {

    /** Runs {@code work} against the database's adapters and closes the pool afterwards. */
    static <T> T withDatabase(Function<PostgresAdapters, T> work) {
        Logging.configure(ServeSettings.LogFormat.TEXT, "WARN");
        PoolSettings database = ServeSettings.database(Environment.ofProcess(), 0, 2);
        try (HikariDataSource dataSource = PostgresPool.create(database)) {
            return UnreachableDatabase.reporting(database, () -> work.apply(new PostgresAdapters(dataSource)));
        }
    }

    static UserService users(PostgresAdapters db) {
        return new UserService(db.users(), db.auditTrail(), db.transactions(), Clock.systemUTC());
    }

    static void print(String verb, User user) {
        System.out.println(verb + " the admin flag of " + user.displayName() + " (user " + user.id() + ", oid "
                + user.identity().objectId() + ")");
    }

    @Command(name = "grant", description = "Set the break-glass admin flag of a user (by e-mail or Entra object id).")
    static final class Grant extends FlagChange {
        Grant() {
            super("granted", UserService::grant);
        }
    }

    @Command(
            name = "revoke",
            description = "Clear the break-glass admin flag of a user (by e-mail or Entra object id).")
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

    @Command(name = "audit", description = "Audit trail commands.", subcommands = Verify.class)
    static final class Audit {}

    @Command(name = "verify", description = "Recompute the audit hash chain; exit 1 if any event was altered.")
    static final class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            ChainVerification result = withDatabase(db ->
                    new AuditService(db.auditTrail(), java.time.Clock.systemUTC()).verifyChain(java.util.List.of()));
            if (result.intact()) {
                System.out.println("audit chain intact: " + result.eventsChecked() + " events checked");
                return 0;
            }
            System.out.println("audit chain BROKEN at event "
                    + result.firstBrokenEvent().orElseThrow() + " (" + result.eventsChecked() + " events checked)");
            return 1;
        }
    }
}
