package com.mcpregistry.app;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.ClaimOutcome;
import com.mcpregistry.ownership.ClaimedNamespace;
import com.mcpregistry.ownership.NamedOwner;
import com.mcpregistry.ownership.OwnerReference;
import com.mcpregistry.ownership.OwnersOfServer;
import com.mcpregistry.ownership.port.in.ManageOwnersUseCase;
import com.mcpregistry.ownership.service.OwnershipService;
import com.mcpregistry.ownership.service.ServerOwnership;
import com.mcpregistry.postgres.PostgresAdapters;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code admin owners …} and {@code admin namespace …}: an operator's view and changes of who owns servers and
 * namespaces, audited as changes by no user (as {@code admin grant} is).
 */
final class OwnershipCommands {
    private OwnershipCommands() {}

    /** Runs {@code work} against the ownership use cases over {@code DATABASE_URL}. */
    static <T> T withOwnership(Function<OwnershipService, T> work) {
        return AdminCommand.withDatabase(db -> work.apply(service(db)));
    }

    static OwnershipService service(PostgresAdapters db) {
        RegistryCore.Adapters adapters = db.coreAdapters();
        return new OwnershipService(
                adapters.serverOwners(),
                adapters.namespaceClaims(),
                adapters.users(),
                new ServerOwnership(
                        adapters.serverOwners(),
                        adapters.namespaceClaims(),
                        adapters.users(),
                        ServeSettings.namespacePolicy(Environment.ofProcess())),
                adapters.auditTrail(),
                adapters.transactions(),
                Clock.systemUTC());
    }

    static void printOwners(OwnersOfServer owners) {
        System.out.println(owners.server() + " is owned by:");
        owners.owners().forEach(OwnershipCommands::printOwner);
    }

    static void printOwner(NamedOwner owner) {
        System.out.println("  " + owner.owner().wireName() + "  " + owner.contact());
    }

    static void printClaim(ClaimedNamespace claimed) {
        System.out.println(claimed.claim().prefix() + " is claimed for:");
        claimed.owners().forEach(OwnershipCommands::printOwner);
    }

    static OwnerReference owner(String raw) {
        return OwnerReference.parse("owner", raw);
    }

    @Command(
            name = "owners",
            description = "Who owns a server, and changing it (owners: an Entra object id or verified e-mail,"
                    + " user:<user id> or group:<group object id>).",
            subcommands = {Owners.List.class, Owners.Add.class, Owners.Remove.class, Owners.Transfer.class})
    static final class Owners {

        @Command(name = "list", description = "List the owners of a server.")
        static final class List implements Callable<Integer> {
            @Parameters(paramLabel = "SERVER_NAME")
            String server;

            @Override
            public Integer call() {
                printOwners(withOwnership(owners -> owners.owners(new ServerName(server))));
                return 0;
            }
        }

        @Command(name = "add", description = "Add an owner to a server.")
        static final class Add extends OwnerChange {
            Add() {
                super(ManageOwnersUseCase::add);
            }
        }

        @Command(name = "remove", description = "Remove an owner from a server (never its last).")
        static final class Remove extends OwnerChange {
            Remove() {
                super(ManageOwnersUseCase::remove);
            }
        }

        /** Adds or removes the owner named on the command line, and prints the server's owners after. */
        abstract static class OwnerChange implements Callable<Integer> {
            /** One change of owners, as {@link ManageOwnersUseCase#add} and {@link ManageOwnersUseCase#remove} are. */
            interface Change {
                OwnersOfServer apply(
                        ManageOwnersUseCase owners,
                        By by,
                        ServerName server,
                        OwnerReference owner,
                        Optional<String> requestId);
            }

            private final Change change;

            @Parameters(index = "0", paramLabel = "SERVER_NAME")
            String server;

            @Parameters(index = "1", paramLabel = "USER_OR_GROUP")
            String owner;

            OwnerChange(Change change) {
                this.change = change;
            }

            @Override
            public Integer call() {
                printOwners(withOwnership(owners ->
                        change.apply(owners, By.operator(), new ServerName(server), owner(owner), Optional.empty())));
                return 0;
            }
        }

        @Command(name = "transfer", description = "Make the owners named the only owners of a server.")
        static final class Transfer implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "SERVER_NAME")
            String server;

            @Parameters(index = "1..*", paramLabel = "USER_OR_GROUP")
            java.util.List<String> to;

            @Override
            public Integer call() {
                printOwners(withOwnership(owners -> owners.transfer(
                        By.operator(),
                        new ServerName(server),
                        to.stream().map(OwnershipCommands::owner).toList(),
                        Optional.empty())));
                return 0;
            }
        }
    }

    @Command(
            name = "namespace",
            description = "Namespace claims: only a claim's owners submit new servers under its prefix.",
            subcommands = {Namespace.List.class, Namespace.Claim.class, Namespace.Release.class})
    static final class Namespace {

        @Command(name = "list", description = "List the claims, and the policy for unclaimed names.")
        static final class List implements Callable<Integer> {
            @Override
            public Integer call() {
                java.util.List<ClaimedNamespace> claims = withOwnership(OwnershipService::claims);
                System.out.println("NAMESPACE_POLICY is "
                        + ServeSettings.namespacePolicy(Environment.ofProcess()).wireName() + "; "
                        + claims.size() + " claim(s)");
                claims.forEach(OwnershipCommands::printClaim);
                return 0;
            }
        }

        @Command(name = "claim", description = "Claim a namespace prefix (e.g. com.contoso.finance) for owners.")
        static final class Claim implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "PREFIX")
            String prefix;

            @Parameters(index = "1..*", paramLabel = "USER_OR_GROUP")
            java.util.List<String> owners;

            @Override
            public Integer call() {
                ClaimOutcome outcome = withOwnership(service -> service.claim(
                        By.operator(),
                        new NamespacePrefix(prefix),
                        owners.stream().map(OwnershipCommands::owner).toList(),
                        Optional.empty()));
                printClaim(outcome.claimed());
                if (outcome.conflictCount() > 0) {
                    System.out.println(outcome.conflictCount() + " existing server(s) under " + prefix
                            + " keep owners outside the claim (transfer them or add the claim's owners):");
                    outcome.conflicts().forEach(OwnershipCommands::printOwners);
                }
                return 0;
            }
        }

        @Command(name = "release", description = "Release a namespace claim; its servers keep their owners.")
        static final class Release implements Callable<Integer> {
            @Parameters(paramLabel = "PREFIX")
            String prefix;

            @Override
            public Integer call() {
                ClaimedNamespace released = withOwnership(
                        service -> service.release(By.operator(), new NamespacePrefix(prefix), Optional.empty()));
                System.out.println("released " + released.claim().prefix());
                return 0;
            }
        }
    }
}
