package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.shared.ServerName;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new or changed server.json must satisfy beyond its own values, some as the operator configures it: a new
 * server's name starts and ends each part with a letter or digit (rules 7 and 8 of the official publish checks), its
 * website is an https URL (rule 15), packages come from allowed registries ({@link PackageRegistries}), and a remote
 * is reached over https at a host other than the registry's own machine (rule 32), unless plain HTTP is allowed, as
 * in development. What an edited definition had before is not checked again: a value stored before a rule existed
 * does not stop an edit of other fields.
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

    /** Refuses a new server's document at each field that breaks a rule. */
    public void checkSubmission(ServerName name, ServerDefinition definition) {
        Validation validation = new Validation();
        int slash = name.value().indexOf('/');
        checkPart(validation, "namespace", name.value().substring(0, slash));
        checkPart(validation, "name", name.value().substring(slash + 1));
        check(validation, definition, Optional.empty());
        validation.complete();
    }

    /** Refuses an edited definition at each field that breaks a rule and was not in {@code before}. */
    public void checkEdit(ServerDefinition before, ServerDefinition next) {
        Validation validation = new Validation();
        check(validation, next, Optional.of(before));
        validation.complete();
    }

    private static void checkPart(Validation validation, String part, String value) {
        if (!Character.isLetterOrDigit(value.charAt(0))
                || !Character.isLetterOrDigit(value.charAt(value.length() - 1))) {
            validation.reject("/name", "the " + part + " '" + value + "' must start and end with a letter or digit");
        }
    }

    private void check(Validation validation, ServerDefinition next, Optional<ServerDefinition> before) {
        next.websiteUrl()
                .filter(url -> !before.flatMap(ServerDefinition::websiteUrl).equals(Optional.of(url)))
                .filter(url -> !url.value().startsWith("https://"))
                .ifPresent(url -> validation.reject("/websiteUrl", "must be an https URL"));
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
