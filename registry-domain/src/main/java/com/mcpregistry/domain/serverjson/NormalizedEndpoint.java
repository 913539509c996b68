package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.error.InvalidInput;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;

/**
 * An endpoint URL in the one form the registry compares endpoints in, so that "an endpoint belongs to one server name"
 * cannot be bypassed by spelling the same endpoint another way. It is the URL normalised as RFC 3986 §6 describes:
 * scheme and host in lower case, the host in ASCII (IDNA) and without a trailing dot, no default port (80 for http,
 * 443 for https), percent-encoded unreserved characters decoded and every other percent-encoding in upper case,
 * no dot segments. Beyond the RFC, the registry treats as the same endpoint a path with and without trailing
 * slashes ({@code /mcp/} is {@code /mcp}; an empty path is {@code /}), an empty query ({@code ?}) as none, and drops
 * the fragment, which a client never sends to the server. Only for comparing: the registry keeps and publishes the URL
 * exactly as its submitter wrote it.
 */
public record NormalizedEndpoint(String value) {

    private static final int HIGHEST_PORT = 65_535;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public NormalizedEndpoint {
        Objects.requireNonNull(value, "value");
    }

    /** The normalised form of {@code url}. */
    public static NormalizedEndpoint of(HttpUrl url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder normalized = new StringBuilder(url.value().length());
        normalized.append(scheme).append("://").append(host(uri.getHost()));
        int port = uri.getPort();
        if (port >= 0 && port != defaultPort(scheme)) {
            normalized.append(':').append(port);
        }
        normalized.append(path(uri.getRawPath()));
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            normalized.append('?').append(percentEncoding(query));
        }
        return new NormalizedEndpoint(normalized.toString());
    }

    /**
     * What a newly submitted or edited endpoint URL must be beyond an {@link HttpUrl}: its scheme in lower case (the
     * official server.json schema, which the published document must satisfy, accepts no other), the port it names,
     * if any, a TCP port (1 to 65535), and no fragment ({@code #…}): a client never sends one, so it cannot tell two
     * endpoints apart. Rejects {@code field} otherwise.
     */
    public static void requireUsable(String field, HttpUrl url) {
        if (!url.value().startsWith("https://") && !url.value().startsWith("http://")) {
            throw InvalidInput.of(field, "must start with https:// or http:// in lower case, as MCP clients expect");
        }
        URI uri = parse(url);
        int port = uri.getPort();
        if (port == 0 || port > HIGHEST_PORT) {
            throw InvalidInput.of(field, "must name a port from 1 to " + HIGHEST_PORT + ", not " + port);
        }
        if (uri.getRawFragment() != null) {
            throw InvalidInput.of(field, "must not have a fragment (#…): MCP clients never send it to the server");
        }
    }

    private static URI parse(HttpUrl url) {
        try {
            // Every HttpUrl parses: it was checked as a URI with a host when it was made.
            return new URI(url.value());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("an HttpUrl that is not a URI: " + url.value(), e);
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** Lower case, in ASCII (IDNA) and without the trailing dot of a fully qualified name. */
    private static String host(String host) {
        if (host.startsWith("[")) {
            return host.toLowerCase(Locale.ROOT); // an IPv6 literal
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // A label IDNA refuses (e.g. longer than 63 characters) is compared as it is written.
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** Percent-encoding normalised, dot segments removed, trailing slashes dropped; an empty path is {@code /}. */
    private static String path(String rawPath) {
        String path = removeDotSegments(percentEncoding(rawPath));
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        path = path.substring(0, end);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * RFC 3986 §6.2.2.2: a percent-encoded unreserved character decoded, every other percent-encoding in upper case;
     * a character outside ASCII (which {@link URI} accepts unencoded) percent-encoded as UTF-8.
     */
    static String percentEncoding(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                char decoded = (char) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                if (isUnreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%')
                            .append(Character.toUpperCase(raw.charAt(i + 1)))
                            .append(Character.toUpperCase(raw.charAt(i + 2)));
                }
                i += 2;
            } else if (c < 0x80) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** RFC 3986 §5.2.4: {@code .} and {@code ..} segments resolved; {@code /a/b/../c} is {@code /a/c}. */
    static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        Deque<String> output = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        // segments[0] is empty: the path of a URL with a host is empty or starts with "/".
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    output.addLast("");
                }
            } else if (segment.equals("..")) {
                output.pollLast();
                if (last) {
                    output.addLast("");
                }
            } else {
                output.addLast(segment);
            }
        }
        return "/" + String.join("/", output);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    @Override
    public String toString() {
        return value;
    }
}
