package com.mcpregistry.publication;

import com.mcpregistry.domain.serverjson.Version;
import java.util.Objects;

/** Which version of a server a reader of the MCP Registry API asks for: the latest one, or one exact version. */
public sealed interface VersionSelector {

    /** The word the MCP Registry API reserves for the latest version. */
    String LATEST = "latest";

    /** As a request names it: {@code latest}, or the exact version. */
    String text();

    /** The server's latest version. */
    record Latest() implements VersionSelector {
        @Override
        public String text() {
            return LATEST;
        }
    }

    /** Exactly this version. */
    record Exact(Version version) implements VersionSelector {
        public Exact {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public String text() {
            return version.value();
        }
    }

    /** {@code latest} or one exact version; anything else is the {@code InvalidInput} of {@link Version}. */
    static VersionSelector parse(String raw) {
        return LATEST.equals(raw) ? new Latest() : new Exact(new Version(raw));
    }
}
