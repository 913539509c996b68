package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Title;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** What a submitter says about a server: the fields they may edit while it is in review. */
public record ServerDetails(
        Title title,
        Description description,
        HttpUrl endpointUrl,
        RemoteTransport transport,
        OwnerContact ownerContact,
        Optional<HttpUrl> repositoryUrl,
        Optional<HttpUrl> documentationUrl,
        Tags tags) {

    public ServerDetails {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(ownerContact, "ownerContact");
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        Objects.requireNonNull(tags, "tags");
    }

    /**
     * The editable fields, each with its name, its value and how that value is written in the audit trail. None is
     * secret today; a secret one would be declared with {@link Field#secret} and recorded by name only.
     */
    private static final List<Field<?>> FIELDS = List.of(
            Field.plain("title", ServerDetails::title, v -> Optional.of(v.value())),
            Field.plain("description", ServerDetails::description, v -> Optional.of(v.value())),
            Field.plain("endpoint_url", ServerDetails::endpointUrl, v -> Optional.of(v.value())),
            Field.plain("transport", ServerDetails::transport, v -> Optional.of(v.wireName())),
            Field.plain("owner_contact", ServerDetails::ownerContact, v -> Optional.of(v.value())),
            Field.plain("repository_url", ServerDetails::repositoryUrl, v -> v.map(HttpUrl::value)),
            Field.plain("documentation_url", ServerDetails::documentationUrl, v -> v.map(HttpUrl::value)),
            // For people reading the trail: the tags in their order, separated by ", " (none: no value).
            Field.plain(
                    "tags",
                    ServerDetails::tags,
                    v -> v.values().isEmpty() ? Optional.empty() : Optional.of(String.join(", ", v.values()))));

    /** The fields that differ between these details and {@code next}, in a fixed order; empty when none does. */
    public List<FieldChange> changesTo(ServerDetails next) {
        Objects.requireNonNull(next, "next");
        List<FieldChange> changes = new ArrayList<>();
        for (Field<?> field : FIELDS) {
            field.change(this, next).ifPresent(changes::add);
        }
        return List.copyOf(changes);
    }

    /** One editable field: its name, its value, its value as text, and whether values stay out of the trail. */
    private record Field<T>(
            String name, Function<ServerDetails, T> value, Function<T, Optional<String>> text, boolean secret) {

        static <T> Field<T> plain(String name, Function<ServerDetails, T> value, Function<T, Optional<String>> text) {
            return new Field<>(name, value, text, false);
        }

        static <T> Field<T> secret(String name, Function<ServerDetails, T> value) {
            return new Field<>(name, value, v -> Optional.empty(), true);
        }

        /** The change from {@code before} to {@code after} in this field, compared by value, if there is one. */
        Optional<FieldChange> change(ServerDetails before, ServerDetails after) {
            T old = value.apply(before);
            T now = value.apply(after);
            if (old.equals(now)) {
                return Optional.empty();
            }
            return Optional.of(
                    secret ? FieldChange.secret(name) : FieldChange.of(name, text.apply(old), text.apply(now)));
        }
    }
}
