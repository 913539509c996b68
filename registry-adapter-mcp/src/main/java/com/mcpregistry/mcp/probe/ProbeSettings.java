package com.mcpregistry.mcp.probe;

import com.mcpregistry.mcp.egress.AddressGuard;
import com.mcpregistry.mcp.egress.HostResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The limits of one check and the networks it may reach although they are not public ({@code
 * PROBE_ALLOWED_NETWORKS}). Built once by the application; a problem with any value is reported with all others.
 *
 * @param resolver how host names become addresses (the system's, or a test's)
 */
public record ProbeSettings(
        Duration connectTimeout,
        Duration checkTimeout,
        int maxAnswerBytes,
        int maxPages,
        int maxTools,
        List<String> allowedNetworks,
        String userAgent,
        HostResolver resolver) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;
    public static final int MAX_PAGES = 10;
    public static final int MAX_TOOLS = 500;
    public static final String USER_AGENT =
            "mcp-registry-probe/1.0 (+https://github.com/modelcontextprotocol/registry; admission check)";

    public ProbeSettings {
        List<String> problems = new ArrayList<>();
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            problems.add("PROBE_CONNECT_TIMEOUT must be positive");
        }
        if (checkTimeout == null || checkTimeout.isNegative() || checkTimeout.isZero()) {
            problems.add("PROBE_CHECK_TIMEOUT must be positive");
        }
        if (maxAnswerBytes < 1) {
            problems.add("PROBE_MAX_ANSWER_BYTES must be positive");
        }
        if (maxPages < 1) {
            problems.add("PROBE_MAX_PAGES must be positive");
        }
        if (maxTools < 0) {
            problems.add("PROBE_MAX_TOOLS must not be negative");
        }
        allowedNetworks = List.copyOf(allowedNetworks);
        try {
            new AddressGuard(allowedNetworks);
        } catch (IllegalArgumentException e) {
            problems.add("PROBE_ALLOWED_NETWORKS: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(resolver, "resolver");
    }

    /** The caps, the system resolver, and {@code allowedNetworks} ("127.0.0.0/8" for start-dev). */
    public static ProbeSettings defaults(List<String> allowedNetworks) {
        return new ProbeSettings(
                CONNECT_TIMEOUT,
                CHECK_TIMEOUT,
                MAX_ANSWER_BYTES,
                MAX_PAGES,
                MAX_TOOLS,
                allowedNetworks,
                USER_AGENT,
                HostResolver.SYSTEM);
    }
}
