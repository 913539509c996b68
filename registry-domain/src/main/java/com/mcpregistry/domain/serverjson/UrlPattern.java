package com.mcpregistry.domain.serverjson;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A remote's URL as a pattern that MCP clients match the URLs of configured servers against ({@code serverUrl} in
 * their allow and deny lists): each {@code {variable}} of the URL, which only its user fills in, is a {@code *}
 * wildcard. A literal {@code *} in a URL reads as a wildcard too: no client has a way to escape one.
 */
public record UrlPattern(String value) {

    public UrlPattern {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The URL as its submitter wrote it, variables as wildcards: what a user configures when they copy it from the
     * registry, for a client that compares host names without regard to case and paths as written (Claude Code).
     */
    public static UrlPattern asWritten(UrlTemplate url) {
        return new UrlPattern(url.withEachVariableAs("*"));
    }

    /**
     * The URL in the form a browser's URL parser gives it (the WHATWG URL standard), variables as wildcards: scheme
     * and host in lower case, no default port, an empty path as {@code /}, dot segments resolved, no empty query and
     * no fragment. VS Code compares a {@code serverUrl} pattern, as it is written, with that form of a server's URL
     * ({@code origin + pathname + search}, allowedMcpServers.ts {@code toNetworkDestinationUrl}), so a pattern must be
     * written in it; GitHub's clients bring both sides to it before comparing.
     */
    public static UrlPattern asFetched(UrlTemplate url) {
        String wildcards = url.withEachVariableAs("*");
        int schemeEnd = wildcards.indexOf("://");
        String scheme = wildcards.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = wildcards.substring(schemeEnd + 3);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int authorityEnd = firstOf(rest, "/?");
        String authority = rest.substring(0, authorityEnd).toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        if (authority.endsWith(defaultPort)) {
            authority = authority.substring(0, authority.length() - defaultPort.length());
        } else if (authority.endsWith(":")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        String pathAndQuery = rest.substring(authorityEnd);
        int queryStart = pathAndQuery.indexOf('?');
        String path = queryStart >= 0 ? pathAndQuery.substring(0, queryStart) : pathAndQuery;
        String query = queryStart >= 0 ? pathAndQuery.substring(queryStart + 1) : "";
        path = path.isEmpty() ? "/" : NormalizedEndpoint.removeDotSegments(path);
        return new UrlPattern(scheme + "://" + authority + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** Whether the pattern has a wildcard, so that it stands for more than one URL. */
    public boolean hasWildcard() {
        return value.indexOf('*') >= 0;
    }

    /**
     * Whether the pattern could match {@code url} in some client: each {@code *} taken as any text, without regard to
     * case. Broader than any client reads it, which is what a check for a possible overlap needs.
     */
    public boolean mayMatch(String url) {
        return possibleMatches().test(url);
    }

    /** {@link #mayMatch}, the pattern compiled once for any number of URLs. */
    public Predicate<String> possibleMatches() {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = value.indexOf('*'); star >= 0; star = value.indexOf('*', start)) {
            regex.append(Pattern.quote(value.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(value.substring(start)));
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return url -> compiled.matcher(url).matches();
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    @Override
    public String toString() {
        return value;
    }
}
