package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http or https URL without credentials in it, at most 2048 characters. */
public record HttpUrl(String value) {
    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "url";

    public HttpUrl {
        check(FIELD, value);
    }

    /** Parses {@code raw} as the value of {@code field}, naming that field when it is invalid. */
    public static HttpUrl of(String field, String raw) {
        // One check on the way in, the constructor's; only a rejected value is checked again, to name its field.
        try {
            return new HttpUrl(raw);
        } catch (InvalidInput e) {
            check(field, raw);
            throw e;
        }
    }

    private static void check(String field, String raw) {
        Text.require(field, raw, MAX_LENGTH);
        if (!isPlain(raw)) {
            checkParsed(field, raw);
        }
    }

    /** The rule itself: {@link URI} parses {@code raw} as an absolute http or https URL with a host, no user info. */
    static void checkParsed(String field, String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw InvalidInput.of(field, "must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw InvalidInput.of(field, "must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            if (authority.chars().anyMatch(c -> c >= 0x80)) {
                throw InvalidInput.of(field, "must name its host in ASCII: an international name in its xn-- form");
            }
            if (authority.matches(".*:[0-9]{6,}")) {
                throw InvalidInput.of(field, "must name a port from 1 to 65535");
            }
            throw InvalidInput.of(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw InvalidInput.of(field, "must not contain credentials");
        }
    }

    /**
     * Whether {@code raw} is a URL of the plain shape nearly every stored one has, which {@link URI} always parses
     * as absolute http or https with a host and no user info: {@code http(s)://}, a host name of letters, digits
     * and inner hyphens whose last label starts with a letter, an optional port, a path and query of unreserved
     * characters, {@code /}, {@code =} and {@code &}. Every URL of the list pages is checked, and parsing it as a
     * {@link URI} costs several times more; anything else is parsed.
     */
    static boolean isPlain(String raw) {
        int i = raw.startsWith("https://") ? 8 : raw.startsWith("http://") ? 7 : -1;
        if (i < 0) {
            return false;
        }
        int n = raw.length();
        int lastLabel = i;
        while (true) {
            int label = i;
            while (i < n && isAlphanumeric(raw.charAt(i)) || i < n && raw.charAt(i) == '-' && i > label) {
                i++;
            }
            if (i == label || raw.charAt(i - 1) == '-') {
                return false;
            }
            lastLabel = label;
            if (i < n && raw.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        if (!isLetter(raw.charAt(lastLabel))) {
            return false;
        }
        if (i < n && raw.charAt(i) == ':') {
            int port = ++i;
            while (i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '9' && i - port < 5) {
                i++;
            }
            if (i == port) {
                return false;
            }
        }
        if (i < n && raw.charAt(i) != '/') {
            return false;
        }
        boolean query = false;
        for (; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '?' && !query) {
                query = true;
            } else if (!(isAlphanumeric(c) || "-._~/".indexOf(c) >= 0 || query && (c == '=' || c == '&'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphanumeric(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return value;
    }
}
