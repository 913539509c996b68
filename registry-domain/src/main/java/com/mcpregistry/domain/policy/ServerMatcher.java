package com.mcpregistry.domain.policy;

import com.mcpregistry.domain.serverjson.UrlPattern;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a client's allow or deny list of MCP servers: it names servers by exactly one of their name, their
 * URL (a pattern with {@code *} wildcards) or their command line (exact, every argument in order). The three clients
 * share these kinds and their JSON names.
 */
public sealed interface ServerMatcher {

    /** The JSON name clients read the entry by: {@code serverName}, {@code serverUrl} or {@code serverCommand}. */
    String key();

    /** Names first, then URLs, then command lines, each kind in the order of its text: a stable order for files. */
    Comparator<ServerMatcher> ORDER =
            Comparator.comparingInt(ServerMatcher::rank).thenComparing(ServerMatcher::sortKey);

    private int rank() {
        return this instanceof Name ? 0 : this instanceof Url ? 1 : 2;
    }

    private String sortKey() {
        if (this instanceof Name name) {
            return name.value();
        }
        if (this instanceof Url url) {
            return url.pattern().value();
        }
        // NUL sorts before every character of an argument: shorter command lines first among shared prefixes.
        return String.join("\u0000", ((Command) this).line());
    }

    /** A server by the name its user gave it; a client installing from a registry gives the registry's name. */
    record Name(String value) implements ServerMatcher {
        public Name {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String key() {
            return "serverName";
        }
    }

    /** A remote server by its URL. */
    record Url(UrlPattern pattern) implements ServerMatcher {
        public Url {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String key() {
            return "serverUrl";
        }
    }

    /** A local server by the command that starts it and each of its arguments. */
    record Command(List<String> line) implements ServerMatcher {
        public Command {
            line = List.copyOf(line);
            if (line.isEmpty()) {
                throw new IllegalArgumentException("a command line names at least its command");
            }
        }

        @Override
        public String key() {
            return "serverCommand";
        }
    }
}
