package com.mcpregistry.domain.policy;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.InstallCommand;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry's approved state as one client's allow and deny lists, each sorted in {@link ServerMatcher#ORDER}.
 *
 * <p>A version that {@link PolicyStanding stands} allowed is allowed by the URL of each of its remotes and the command
 * line of each of its packages, as its client writes them ({@link InstallCommand}), and by its server's name where
 * the client needs it ({@link PolicyFormat}: a server of packages alone, for VS Code and Copilot). A denied version is denied the same way, and its server by name when
 * none of the server's versions is allowed or pending. A package whose command line holds an input the user answers
 * ({@link InstallCommand#isFixed}) has no exact command line to name; an MCPB bundle none at all.
 *
 * <p>Every client lets a deny entry win over an allow entry. So an entry an allowed version needs is never denied:
 * a URL or command line a denied version shares with an allowed one (another version of the same server, or a
 * deleted server whose URL another server took since), and a denied URL pattern with wildcards that might match an
 * allowed URL, stay off the deny list.
 */
public record ClientPolicy(PolicyFormat format, List<ServerMatcher> allowed, List<ServerMatcher> denied) {

    public ClientPolicy {
        Objects.requireNonNull(format, "format");
        allowed = List.copyOf(allowed);
        denied = List.copyOf(denied);
    }

    /** The lists of {@code format} for {@code registrations}, those in {@code drifted} having drifted. */
    public static ClientPolicy of(PolicyFormat format, List<Registration> registrations, Set<RegistrationId> drifted) {
        SortedSet<ServerMatcher> allowed = new TreeSet<>(ServerMatcher.ORDER);
        SortedSet<ServerMatcher> denied = new TreeSet<>(ServerMatcher.ORDER);
        Map<ServerName, Set<PolicyStanding>> standings =
                new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (Registration registration : registrations) {
            PolicyStanding standing = PolicyStanding.of(registration, drifted.contains(registration.id()));
            standings
                    .computeIfAbsent(registration.serverName(), name -> EnumSet.noneOf(PolicyStanding.class))
                    .add(standing);
            ServerDefinition definition = registration.details().definition();
            if (standing == PolicyStanding.ALLOWED) {
                allowed.addAll(matchers(format, definition));
                if (format.allowsByName(definition)) {
                    allowed.add(new ServerMatcher.Name(registration.serverName().value()));
                }
            } else if (standing == PolicyStanding.DENIED) {
                denied.addAll(matchers(format, definition));
            }
        }
        standings.forEach((name, of) -> {
            if (of.equals(EnumSet.of(PolicyStanding.DENIED))) {
                denied.add(new ServerMatcher.Name(name.value()));
            }
        });
        denied.removeAll(allowed);
        List<String> allowedUrls = allowed.stream()
                .filter(ServerMatcher.Url.class::isInstance)
                .map(entry -> ((ServerMatcher.Url) entry).pattern().value())
                .toList();
        denied.removeIf(entry -> entry instanceof ServerMatcher.Url url
                && url.pattern().hasWildcard()
                && allowedUrls.stream().anyMatch(url.pattern().possibleMatches()));
        return new ClientPolicy(format, new ArrayList<>(allowed), new ArrayList<>(denied));
    }

    /** The URL of each remote and the fixed command line of each package of {@code definition}. */
    private static List<ServerMatcher> matchers(PolicyFormat format, ServerDefinition definition) {
        List<ServerMatcher> matchers = new ArrayList<>();
        for (Remote remote : definition.remotes()) {
            matchers.add(new ServerMatcher.Url(format.urlPattern(remote.url())));
        }
        definition.packages().stream()
                .flatMap(pkg -> InstallCommand.of(pkg).stream())
                .filter(InstallCommand::isFixed)
                .forEach(command -> matchers.add(new ServerMatcher.Command(command.commandLine())));
        return matchers;
    }
}
