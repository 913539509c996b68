package com.mcpregistry.http.registration;

import com.mcpregistry.domain.registration.DetailsPatch;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.http.shared.JsonForm;
import java.util.Optional;
import java.util.Set;

/** Reads the registration bodies of the API into domain values, every field error reported at once. */
final class RegistrationForm {

    static final Set<String> DETAIL_FIELDS = Set.of(
            "title",
            "description",
            "endpoint_url",
            "transport",
            "owner_contact",
            "repository_url",
            "documentation_url",
            "tags");

    static final Set<String> SUBMIT_FIELDS = union(DETAIL_FIELDS, Set.of("server_name", "version"));

    /** Fields the registry sets itself; a body that carries one is refused, never partly applied. */
    static final Set<String> SERVER_OWNED = Set.of(
            "id",
            "registration_id",
            "submitter_id",
            "status",
            "status_reason",
            "reviewed_by",
            "reviewed_at",
            "created_at",
            "updated_at",
            "row_version",
            "deleted_at");

    /** What a submission says: the server, its version and its details. */
    record Submission(ServerName serverName, Version version, ServerDetails details) {}

    private RegistrationForm() {}

    static Submission submission(JsonForm body) {
        body.allowOnly(SUBMIT_FIELDS, SERVER_OWNED);
        ServerName name = body.required("server_name", ServerName::new);
        Version version = body.value("version", Version::new).orElse(Version.DEFAULT);
        Title title = body.required("title", Title::new);
        Description description = body.required("description", Description::new);
        HttpUrl endpoint = body.required("endpoint_url", raw -> HttpUrl.of("endpoint_url", raw));
        RemoteTransport transport = body.value("transport", raw -> RemoteTransport.parse("transport", raw))
                .orElse(RemoteTransport.STREAMABLE_HTTP);
        OwnerContact contact = body.required("owner_contact", OwnerContact::new);
        Optional<HttpUrl> repository = body.value("repository_url", raw -> HttpUrl.of("repository_url", raw));
        Optional<HttpUrl> documentation = body.value("documentation_url", raw -> HttpUrl.of("documentation_url", raw));
        Tags tags = body.textList("tags")
                .map(list -> body.check(() -> new Tags(list)))
                .orElse(Tags.NONE);
        body.complete();
        return new Submission(
                name,
                version,
                ServerDetails.simple(
                        title, description, endpoint, transport, contact, repository, documentation, tags));
    }

    static DetailsPatch patch(JsonForm body) {
        body.allowOnly(SUBMIT_FIELDS, SERVER_OWNED);
        for (String immutable : Set.of("server_name", "version")) {
            if (body.has(immutable)) {
                body.reject(immutable, "cannot be changed; submit a new registration instead");
            }
        }
        DetailsPatch patch = new DetailsPatch(
                Optional.empty(),
                body.value("title", Title::new),
                body.value("description", Description::new),
                body.value("endpoint_url", raw -> HttpUrl.of("endpoint_url", raw)),
                body.value("transport", raw -> RemoteTransport.parse("transport", raw)),
                body.value("owner_contact", OwnerContact::new),
                body.clearable("repository_url", raw -> HttpUrl.of("repository_url", raw)),
                body.clearable("documentation_url", raw -> HttpUrl.of("documentation_url", raw)),
                body.textList("tags").map(list -> body.check(() -> new Tags(list))));
        body.complete();
        return patch;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
