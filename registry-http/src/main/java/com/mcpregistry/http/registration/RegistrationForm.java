package com.mcpregistry.http.registration;

import com.mcpregistry.domain.registration.DetailsPatch;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.http.serverjson.ServerJsonReader;
import com.mcpregistry.http.shared.JsonForm;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the registration bodies of the API into domain values, every field error reported at once. A body describes
 * the server in one of two ways: the seed's simple fields (one remote endpoint, as existing clients send them), or a
 * whole server.json under {@code server}; the registry's own fields ({@code owner_contact}, {@code tags}) go beside
 * either.
 */
final class RegistrationForm {

    /** The field that holds a whole server.json. */
    static final String SERVER = "server";

    /** The name and version: in the simple fields of a submission, in the document of a {@code server} one. */
    private static final List<String> NAME_AND_VERSION = List.of("server_name", "version");

    /** The seed's simple fields that say what a server.json says; {@code server} says it all instead. */
    private static final List<String> SIMPLE_FIELDS =
            List.of("title", "description", "endpoint_url", "transport", "repository_url", "documentation_url");

    /** What the registry keeps beside a server's server.json, sent with either kind of body. */
    private static final List<String> REGISTRY_FIELDS = List.of("owner_contact", "tags");

    private static final Set<String> FIELDS = fields(NAME_AND_VERSION, SIMPLE_FIELDS, REGISTRY_FIELDS, List.of(SERVER));

    /** Fields the registry sets itself; a body that carries one is refused, never partly applied. */
    private static final Set<String> SERVER_OWNED = Set.of(
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

    /** What a submission says: the server, its version, its details, and how the body said them. */
    record Submission(ServerName serverName, Version version, ServerDetails details, DocumentFields fields) {}

    /** What an edit changes, and how the body said it. */
    record Edit(DetailsPatch patch, DocumentFields fields) {}

    private RegistrationForm() {}

    static Submission submission(JsonForm body) {
        body.allowOnly(FIELDS, SERVER_OWNED);
        return body.has(SERVER) ? serverSubmission(body) : simpleSubmission(body);
    }

    private static Submission simpleSubmission(JsonForm body) {
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
        Tags tags = tags(body).orElse(Tags.NONE);
        body.complete();
        return new Submission(
                name,
                version,
                DocumentFields.SIMPLE.located(() -> ServerDetails.simple(
                        title, description, endpoint, transport, contact, repository, documentation, tags)),
                DocumentFields.SIMPLE);
    }

    private static Submission serverSubmission(JsonForm body) {
        refuseBeside(body, NAME_AND_VERSION);
        refuseBeside(body, SIMPLE_FIELDS);
        Optional<ServerDocument> document = document(body);
        Optional<OwnerContact> contact = body.value("owner_contact", OwnerContact::new);
        Tags tags = tags(body).orElse(Tags.NONE);
        body.complete();
        ServerDocument read = document.orElseThrow();
        return new Submission(
                read.name(),
                read.version(),
                new ServerDetails(read.definition(), contact, tags),
                DocumentFields.SERVER);
    }

    static Edit patch(JsonForm body) {
        body.allowOnly(FIELDS, SERVER_OWNED);
        for (String immutable : NAME_AND_VERSION) {
            if (body.has(immutable)) {
                body.reject(immutable, "cannot be changed; submit a new registration instead");
            }
        }
        if (body.has(SERVER)) {
            refuseBeside(body, SIMPLE_FIELDS);
            Optional<ServerDocument> document = document(body);
            Optional<OwnerContact> contact = body.value("owner_contact", OwnerContact::new);
            Optional<Tags> tags = tags(body);
            body.complete();
            return new Edit(DetailsPatch.ofDocument(document, contact, tags), DocumentFields.SERVER);
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
                tags(body));
        body.complete();
        return new Edit(patch, DocumentFields.SIMPLE);
    }

    /** The server.json under {@code server}, its problems named below {@code /server}; empty when it has any. */
    private static Optional<ServerDocument> document(JsonForm body) {
        return Optional.ofNullable(
                body.check(() -> DocumentFields.SERVER.located(() -> ServerJsonReader.read(body.json(SERVER)))));
    }

    /** Refuses each of {@code fields} the body sends beside {@code server}, which says the same. */
    private static void refuseBeside(JsonForm body, List<String> fields) {
        for (String field : fields) {
            if (body.has(field)) {
                body.reject(
                        field,
                        "cannot be sent with " + SERVER + ": its server.json says it; send the simple fields or "
                                + SERVER + ", not both");
            }
        }
    }

    private static Optional<Tags> tags(JsonForm body) {
        return body.textList("tags").map(list -> body.check(() -> new Tags(list)));
    }

    @SafeVarargs
    private static Set<String> fields(List<String>... groups) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> group : groups) {
            all.addAll(group);
        }
        return Set.copyOf(all);
    }
}
