package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.WireNames;
import com.mcpregistry.domain.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of each package registry type, in one place (rules 34–67 of the official publish checklist that need no
 * network): which fields a type requires or forbids and what its identifier looks like ({@link #checkFields}, which
 * every {@link Package} obeys), and where packages of each type may come from: the official registries plus the
 * private mirrors an operator adds ({@link #parse}, the {@value #SETTING} setting), held to by {@link #check} (which {@link PublishRules} applies to every new package).
 */
public record PackageRegistries(Map<RegistryType, List<Location>> allowed) {

    /** The setting that adds private mirrors: {@code npm=https://artifactory.contoso.com/api/npm/npm-remote,…}. */
    public static final String SETTING = "PACKAGE_REGISTRIES";

    private static final Map<RegistryType, List<String>> OFFICIAL = Map.of(
            RegistryType.NPM, List.of("https://registry.npmjs.org"),
            RegistryType.PYPI, List.of("https://pypi.org"),
            // The 2025-12-11 constant is the v3 service index; the official NuGet example gives the bare host.
            RegistryType.NUGET, List.of("https://api.nuget.org/v3/index.json", "https://api.nuget.org"),
            RegistryType.OCI,
                    List.of(
                            "https://docker.io",
                            "https://registry-1.docker.io",
                            "https://index.docker.io",
                            "https://ghcr.io",
                            "https://*.pkg.dev"),
            RegistryType.MCPB,
                    List.of(
                            "https://github.com",
                            "https://www.github.com",
                            "https://gitlab.com",
                            "https://www.gitlab.com"));

    private static final Set<String> GITHUB = Set.of("github.com", "www.github.com");
    private static final Set<String> GITLAB = Set.of("gitlab.com", "www.gitlab.com");
    private static final Pattern GITHUB_RELEASE_ASSET = Pattern.compile(
            "^/([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,37}[a-zA-Z0-9])?)/([a-zA-Z0-9._\\-]+)/releases/download/([^/]+)/([^/]+)$");
    private static final Pattern GITLAB_RELEASE_ASSET =
            Pattern.compile("^/([a-zA-Z0-9._\\-]+(?:/[a-zA-Z0-9._\\-]+)*)/-/releases/([^/]+)/downloads/([^/]+)$");
    private static final Pattern GITLAB_PACKAGE_FILE =
            Pattern.compile("^/([a-zA-Z0-9._\\-]+(?:/[a-zA-Z0-9._\\-]+)*)/-/package_files/([0-9]+)/download$");
    private static final Pattern SHA_256 = Pattern.compile("^[a-f0-9]{64}$");

    public PackageRegistries {
        EnumMap<RegistryType, List<Location>> copy = new EnumMap<>(RegistryType.class);
        for (RegistryType type : RegistryType.values()) {
            copy.put(type, List.copyOf(allowed.getOrDefault(type, List.of())));
        }
        allowed = Map.copyOf(copy);
    }

    /** The official registries only: what the official registry accepts. */
    public static PackageRegistries official() {
        return parse("");
    }

    /**
     * The official registries plus the mirrors {@code setting} lists as {@code type=url} entries separated by commas
     * (blank: none); every bad entry is reported at once under {@value #SETTING}.
     */
    public static PackageRegistries parse(String setting) {
        Map<RegistryType, List<Location>> allowed = new EnumMap<>(RegistryType.class);
        OFFICIAL.forEach((type, urls) -> allowed.put(
                type,
                urls.stream()
                        .map(url -> Location.parse(SETTING, url))
                        .collect(Collectors.toCollection(ArrayList::new))));
        Validation validation = new Validation();
        for (String entry : (setting == null ? "" : setting).split(",", -1)) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                validation.reject(SETTING, "'" + trimmed + "' must be type=url, e.g. npm=https://npm.contoso.com");
                continue;
            }
            String typeName = trimmed.substring(0, equals).trim();
            Optional<RegistryType> type = WireNames.find(RegistryType.values(), RegistryType::wireName, typeName);
            if (type.isEmpty()) {
                validation.reject(
                        SETTING,
                        "'" + trimmed + "' names an unknown registry type '" + typeName + "'; known: "
                                + Arrays.stream(RegistryType.values())
                                        .map(RegistryType::wireName)
                                        .collect(Collectors.joining(", ")));
                continue;
            }
            String url = trimmed.substring(equals + 1).trim();
            Location location = validation.check(() -> Location.parse(SETTING, url));
            if (location != null && !allowed.get(type.get()).contains(location)) {
                allowed.get(type.get()).add(location);
            }
        }
        validation.complete();
        return new PackageRegistries(allowed);
    }

    /** The registries packages of {@code type} may come from, as URLs. */
    public List<String> allowed(RegistryType type) {
        return allowed.get(type).stream().map(Location::url).collect(Collectors.toList());
    }

    /** Refuses {@code pkg} when it comes from a registry not allowed for its type (at /registryBaseUrl, /identifier). */
    public void check(Package pkg) {
        RegistryType type = pkg.registryType();
        List<Location> locations = allowed.get(type);
        Validation validation = new Validation();
        switch (type) {
            case NPM, PYPI, NUGET ->
                pkg.registryBaseUrl().ifPresent(base -> {
                    // Rules 35, 39, 44, 48: an absent base URL means the official registry.
                    URI uri = URI.create(base.value());
                    if (locations.stream().noneMatch(l -> l.isExactly(uri))) {
                        validation.reject(
                                "/registryBaseUrl",
                                "'" + base.value() + "' is not an allowed registry for " + type.wireName()
                                        + " packages; allowed: " + String.join(", ", allowed(type)));
                    }
                });
            case OCI -> {
                // Rule 56: the registry the image is pulled from.
                OciReference reference = OciReference.parse("/identifier", pkg.identifier());
                if (locations.stream().noneMatch(l -> l.covers(reference.registry(), "/" + reference.repository()))) {
                    validation.reject(
                            "/identifier",
                            "is pulled from '" + reference.registry() + "', which is not an allowed registry for oci"
                                    + " packages; allowed: " + String.join(", ", allowed(type)));
                }
            }
            case MCPB -> {
                // Rule 64: the host (and path, for a mirror that gives one) the bundle is downloaded from.
                URI uri = URI.create(pkg.identifier());
                if (locations.stream().noneMatch(l -> l.covers(uri.getRawAuthority(), uri.getRawPath()))) {
                    validation.reject(
                            "/identifier",
                            "is downloaded from '" + uri.getHost() + "', which is not allowed for mcpb packages;"
                                    + " allowed: " + String.join(", ", allowed(type)));
                }
            }
        }
        validation.complete();
    }

    /**
     * The rules of each registry type that hold wherever packages come from, recorded in {@code validation} at the
     * field they concern; {@code identifier} is null when it is already refused.
     */
    static void checkFields(
            Validation validation,
            RegistryType type,
            Optional<HttpUrl> registryBaseUrl,
            String identifier,
            Optional<Version> version,
            Optional<String> fileSha256) {
        String name = type.wireName();
        // Identifier required (rules 36, 41, 46, 51, 61): Package itself requires it of every type.
        switch (type) {
            case NPM, PYPI, NUGET -> {
                // Rules 37, 42, 49.
                if (version.isEmpty()) {
                    validation.reject("/version", "is required for " + name + " packages");
                }
            }
            case OCI -> {
                // Rules 52, 53.
                if (registryBaseUrl.isPresent()) {
                    validation.reject(
                            "/registryBaseUrl",
                            "must not be given for oci packages: the identifier names the registry, e.g."
                                    + " docker.io/owner/image:1.0.0");
                }
                if (version.isPresent()) {
                    validation.reject(
                            "/version",
                            "must not be given for oci packages: the tag in the identifier is the version, e.g."
                                    + " docker.io/owner/image:1.0.0");
                }
                // Rules 55, 57, 58.
                if (identifier != null) {
                    validation.check(() -> OciReference.parse("/identifier", identifier));
                }
            }
            case MCPB -> {
                // Rules 62, 63.
                if (version.isPresent()) {
                    validation.reject(
                            "/version", "must not be given for mcpb packages: the download URL holds the version");
                }
                if (registryBaseUrl.isPresent()) {
                    validation.reject(
                            "/registryBaseUrl",
                            "must not be given for mcpb packages: the identifier is the full download URL");
                }
                // Rules 65, 66, 67.
                if (identifier != null) {
                    validation.check(() -> requireBundleUrl(identifier));
                }
            }
        }
        if (fileSha256.isPresent() && type != RegistryType.MCPB) {
            // Rules 38, 43, 47, 54.
            validation.reject(
                    "/fileSha256", "must not be given for " + name + " packages: only mcpb bundles are checked by it");
        } else if (fileSha256.isPresent() && !SHA_256.matcher(fileSha256.get()).matches()) {
            validation.reject("/fileSha256", "must be 64 lowercase hexadecimal digits");
        } else if (fileSha256.isEmpty() && type == RegistryType.MCPB) {
            // Rule 60.
            validation.reject("/fileSha256", "is required for mcpb packages");
        }
    }

    private static URI requireBundleUrl(String identifier) {
        HttpUrl url = HttpUrl.of("/identifier", identifier);
        // Rule 66.
        if (!url.value().regionMatches(true, 0, "https://", 0, 8)) {
            throw InvalidInput.of("/identifier", "must be the https URL an mcpb bundle is downloaded from");
        }
        URI uri = URI.create(url.value());
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        // Rule 65.
        if (GITHUB.contains(host) && !GITHUB_RELEASE_ASSET.matcher(path).matches()) {
            throw InvalidInput.of(
                    "/identifier",
                    "must be a GitHub release asset: https://github.com/owner/repo/releases/download/tag/file");
        }
        if (GITLAB.contains(host)
                && !GITLAB_RELEASE_ASSET.matcher(path).matches()
                && !GITLAB_PACKAGE_FILE.matcher(path).matches()) {
            throw InvalidInput.of(
                    "/identifier",
                    "must be a GitLab release asset: /owner/repo/-/releases/tag/downloads/file or"
                            + " /owner/repo/-/package_files/id/download");
        }
        // Rule 67.
        if (!identifier.toLowerCase(Locale.ROOT).contains("mcp")) {
            throw InvalidInput.of("/identifier", "must contain 'mcp', as the official registry requires");
        }
        return uri;
    }

    /**
     * A registry packages may come from: its URL, whose host may start with {@code *.} (any subdomain), and whose
     * path, if any, a package's location must start with.
     */
    public record Location(String url) {
        private static final Pattern WILDCARD_HOST = Pattern.compile("^(https?://)\\*\\.");

        public Location {
            Objects.requireNonNull(url, "url");
            // A wildcard host is no URL host: check it with a placeholder label in its place.
            HttpUrl.of("url", WILDCARD_HOST.matcher(url).replaceFirst("$1wildcard."));
            URI uri = uri(url);
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw InvalidInput.of("url", "must not have a query or fragment");
            }
            url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        /** Parses {@code raw}, naming {@code field} when it is not a URL. */
        public static Location parse(String field, String raw) {
            try {
                return new Location(raw);
            } catch (InvalidInput e) {
                throw InvalidInput.of(
                        field, "'" + raw + "' " + e.errors().get(0).message());
            }
        }

        private static URI uri(String url) {
            try {
                return new URI(url);
            } catch (URISyntaxException e) {
                throw InvalidInput.of("url", "must be a valid URL");
            }
        }

        private String authority() {
            return uri(url).getRawAuthority().toLowerCase(Locale.ROOT);
        }

        private String path() {
            String path = uri(url).getRawPath();
            return path == null ? "" : path;
        }

        /** Whether {@code other} is this very URL (scheme and host in any case, a trailing slash or none). */
        boolean isExactly(URI other) {
            URI self = uri(url);
            String otherPath = other.getRawPath() == null ? "" : other.getRawPath();
            otherPath = otherPath.endsWith("/") ? otherPath.substring(0, otherPath.length() - 1) : otherPath;
            return self.getScheme().equalsIgnoreCase(other.getScheme())
                    && authority()
                            .equals(Objects.toString(other.getRawAuthority(), "")
                                    .toLowerCase(Locale.ROOT))
                    && path().equals(otherPath)
                    && other.getRawQuery() == null;
        }

        /** Whether a package at {@code authority} and {@code path} lies at or below this location. */
        boolean covers(String authority, String path) {
            String own = authority();
            String theirs = Objects.toString(authority, "").toLowerCase(Locale.ROOT);
            boolean host = own.startsWith("*.")
                    ? theirs.endsWith(own.substring(1)) && theirs.length() > own.length() - 1
                    : own.equals(theirs);
            String prefix = path();
            String at = Objects.toString(path, "");
            return host && (prefix.isEmpty() || at.equals(prefix) || at.startsWith(prefix + "/"));
        }
    }
}
