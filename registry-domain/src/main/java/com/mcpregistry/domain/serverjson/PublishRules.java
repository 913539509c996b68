package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new or changed server.json must satisfy beyond its own values, as the operator configures it: packages come
 * from allowed registries ({@link PackageRegistries}), and a remote is reached over https at a host other than the
 * registry's own machine (rule 32 of the official publish checks), unless plain HTTP is allowed, as in development.
 * A remote or package the definition had before is not checked again: one stored before a rule existed does not
 * stop an edit of other fields.
 */
public record PublishRules(PackageRegistries packageRegistries, boolean plainHttpRemotes) {

    /** The official registries, https remotes only: what {@code serve} enforces unless configured otherwise. */
    public static final PublishRules STRICT = new PublishRules(PackageRegistries.official(), false);
    /** The official registries, and remotes over plain HTTP or on this machine too: for development and tests. */
    public static final PublishRules DEVELOPMENT = new PublishRules(PackageRegistries.official(), true);

    private static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    public PublishRules {
        Objects.requireNonNull(packageRegistries, "packageRegistries");
    }

    /** Refuses every remote and package of {@code next} that breaks a rule and is not in {@code before}, at its field. */
    public void check(ServerDefinition next, Optional<ServerDefinition> before) {
        Validation validation = new Validation();
        for (int i = 0; i < next.remotes().size(); i++) {
            Remote remote = next.remotes().get(i);
            if (before.map(b -> b.remotes().contains(remote)).orElse(false)) {
                continue;
            }
            String pointer = JsonPointer.append("/remotes", i) + "/url";
            validation.check(pointer, () -> {
                checkRemoteUrl(remote.url());
                return remote;
            });
        }
        for (int i = 0; i < next.packages().size(); i++) {
            Package pkg = next.packages().get(i);
            if (before.map(b -> b.packages().contains(pkg)).orElse(false)) {
                continue;
            }
            validation.check(JsonPointer.append("/packages", i), () -> {
                packageRegistries.check(pkg);
                return pkg;
            });
        }
        validation.complete();
    }

    private void checkRemoteUrl(UrlTemplate url) {
        if (url.variableNames().isEmpty()) {
            NormalizedEndpoint.requireUsable("url", new HttpUrl(url.value()));
        }
        if (plainHttpRemotes) {
            return;
        }
        if (!url.value().startsWith("https://")) {
            throw InvalidInput.of("url", "must be an https URL: MCP clients send credentials to remotes");
        }
        String host = URI.create(url.sample().value()).getHost().toLowerCase(Locale.ROOT);
        if (LOOPBACK_HOSTS.contains(host) || host.endsWith(".localhost")) {
            throw InvalidInput.of(
                    "url", "must not name this machine (" + host + "): a client cannot reach another's localhost");
        }
    }
}
