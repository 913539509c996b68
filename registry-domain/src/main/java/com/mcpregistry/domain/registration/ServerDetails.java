package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Repository;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.serverjson.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a submitter says about a server, the fields they may edit while it is in review: its server.json (beside the
 * name and version, which make the registration what it is), and what the registry keeps beside it — whom to
 * contact, and tags.
 */
public record ServerDetails(ServerDefinition definition, Optional<OwnerContact> ownerContact, Tags tags) {

    /** Where the seed's {@code endpoint_url} is in the server.json it makes. */
    public static final String REMOTE_URL = "/remotes/0/url";

    public ServerDetails {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(ownerContact, "ownerContact");
        Objects.requireNonNull(tags, "tags");
    }

    /** The seed's simple fields: a server reached at one remote, its repository and documentation. */
    public static ServerDetails simple(
            Title title,
            Description description,
            HttpUrl endpointUrl,
            RemoteTransport transport,
            OwnerContact ownerContact,
            Optional<HttpUrl> repositoryUrl,
            Optional<HttpUrl> documentationUrl,
            Tags tags) {
        return new ServerDetails(
                ServerDefinition.ofRemote(
                        description,
                        Optional.of(title),
                        remoteAt(endpointUrl, transport),
                        repositoryUrl.map(Repository::at),
                        documentationUrl),
                Optional.of(ownerContact),
                tags);
    }

    /** A remote at {@code url} over {@code transport}, without headers or variables; the first of its server. */
    private static Remote remoteAt(HttpUrl url, RemoteTransport transport) {
        Validation validation = new Validation();
        UrlTemplate template = validation.check(REMOTE_URL, () -> new UrlTemplate(url.value()));
        validation.complete();
        return new Remote(transport, template, List.of(), Variables.NONE);
    }

    /**
     * The fields the audit trail names when they change, each with how its value is written there. Any other change
     * of the server.json (icons, headers, arguments, variables, the publisher's {@code _meta}) is recorded as a change
     * of {@code server}, by name only.
     */
    private static final List<Field<?>> FIELDS = List.of(
            Field.plain("title", d -> d.definition().title(), v -> v.map(Title::value)),
            Field.plain("description", d -> d.definition().description(), v -> Optional.of(v.value())),
            Field.plain(
                    "remotes",
                    d -> d.definition().remotes().stream()
                            .map(r -> r.type().wireName() + " " + r.url())
                            .toList(),
                    ServerDetails::listed),
            Field.plain(
                    "packages",
                    d -> d.definition().packages().stream()
                            .map(ServerDetails::packageText)
                            .toList(),
                    ServerDetails::listed),
            Field.plain("owner_contact", ServerDetails::ownerContact, v -> v.map(OwnerContact::value)),
            Field.plain(
                    "repository_url",
                    d -> d.definition().repository().map(Repository::url),
                    v -> v.map(HttpUrl::value)),
            Field.plain("documentation_url", d -> d.definition().websiteUrl(), v -> v.map(HttpUrl::value)),
            // For people reading the trail: the tags in their order, separated by ", " (none: no value).
            Field.plain("tags", d -> d.tags().values(), ServerDetails::listed));

    /** The fields that differ between these details and {@code next}, in a fixed order; empty when none does. */
    public List<FieldChange> changesTo(ServerDetails next) {
        Objects.requireNonNull(next, "next");
        List<FieldChange> changes = new ArrayList<>();
        for (Field<?> field : FIELDS) {
            field.change(this, next).ifPresent(changes::add);
        }
        if (changes.isEmpty() && !definition.equals(next.definition)) {
            changes.add(FieldChange.secret("server"));
        }
        return List.copyOf(changes);
    }

    private static Optional<String> listed(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    private static String packageText(Package pkg) {
        return pkg.registryType().wireName() + " " + pkg.identifier()
                + pkg.version().map(v -> " " + v.value()).orElse("");
    }

    /** One field of the trail: its name, its value, and its value as text. */
    private record Field<T>(String name, Function<ServerDetails, T> value, Function<T, Optional<String>> text) {

        static <T> Field<T> plain(String name, Function<ServerDetails, T> value, Function<T, Optional<String>> text) {
            return new Field<>(name, value, text);
        }

        /** The change from {@code before} to {@code after} in this field, compared by value, if there is one. */
        Optional<FieldChange> change(ServerDetails before, ServerDetails after) {
            T old = value.apply(before);
            T now = value.apply(after);
            if (old.equals(now)) {
                return Optional.empty();
            }
            return Optional.of(FieldChange.of(name, text.apply(old), text.apply(now)));
        }
    }
}
