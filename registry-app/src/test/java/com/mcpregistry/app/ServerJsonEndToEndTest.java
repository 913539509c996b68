package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.ServerJsonDocuments.OFFICIAL_META;
import static com.mcpregistry.app.ServerJsonDocuments.SCHEMA_URL;
import static com.mcpregistry.app.ServerJsonDocuments.example;
import static com.mcpregistry.app.ServerJsonDocuments.publishedPath;
import static com.mcpregistry.app.ServerJsonDocuments.submission;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.submit;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full server.json through the whole registry (SPEC §9): local packages (npm, PyPI, OCI) and a remote with an
 * {@code Authorization} header and a URL variable are submitted as {@code "server": {…}}, approved, and served by
 * {@code /v0.1} exactly as submitted plus the registry's {@code _meta}, valid against the official documents; a
 * submission of the seed's simple fields is still one remote; remote URLs and packages belong to one server name.
 */
class ServerJsonEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final String PUBLISHER = "Petra Publisher";

    private static String publisher() {
        return registry.userToken(PUBLISHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with-package.json", "generic-pypi.json", "generic-oci.json", "with-remote.json"})
    void a_server_json_is_served_by_v0_1_as_approved_plus_meta(String file) {
        ObjectNode document = example(file);

        JsonNode submitted = submit(registry, publisher(), submission(document));
        assertThat(submitted.path("server"))
                .as("the registration's server view")
                .isEqualTo(document);
        assertThat(submitted.path("status").asText()).isEqualTo("Pending");
        approve(registry, submitted);

        HttpResponse<String> published = registry.get(publishedPath(document), null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        OfficialRegistryApi.load().assertConforms(published);
        JsonNode answer = json(published);
        assertThat(answer.path("server")).isEqualTo(document);
        assertThat(answer.path("server").path("$schema").asText()).isEqualTo(SCHEMA_URL);
        assertThat(answer.fieldNames()).toIterable().containsExactlyInAnyOrder("server", "_meta");
        JsonNode official = answer.path("_meta").path(OFFICIAL_META);
        assertThat(official.path("status").asText()).isEqualTo("active");
        assertThat(official.path("isLatest").asBoolean()).isTrue();
        assertThat(official.path("publishedAt").asText()).isNotEmpty();
    }

    @Test
    void a_remote_keeps_its_authorization_header_and_url_variables() {
        ObjectNode document = example("with-remote.json");
        document.put("name", uniqueName("remote-weather"));
        ((ObjectNode) document.path("remotes").get(0))
                .put("url", "https://{host}/" + document.path("name").asText());
        approve(registry, submit(registry, publisher(), submission(document)));

        JsonNode remote = json(registry.get(publishedPath(document), null))
                .path("server")
                .path("remotes")
                .get(0);

        assertThat(remote.path("url").asText()).startsWith("https://{host}/");
        assertThat(remote.path("headers").get(0).path("name").asText()).isEqualTo("Authorization");
        assertThat(remote.path("headers").get(0).path("isSecret").asBoolean()).isTrue();
        assertThat(remote.path("headers").get(0).path("isRequired").asBoolean()).isTrue();
        assertThat(remote.path("variables").path("host").path("default").asText())
                .isEqualTo("api.example.com");
    }

    @Test
    void answers_carry_the_simple_fields_only_for_one_remote() {
        ObjectNode remoteOnly = example("with-remote.json");
        remoteOnly.put("name", uniqueName("one-remote"));
        ((ObjectNode) remoteOnly.path("remotes").get(0)).put("url", "https://{host}/one-remote");
        ObjectNode packageOnly = ServerJsonDocuments.npmServer("one-package", null);

        JsonNode remote = submit(registry, publisher(), submission(remoteOnly));
        JsonNode pkg = submit(registry, publisher(), submission(packageOnly));

        assertThat(remote.path("endpoint_url").asText()).isEqualTo("https://{host}/one-remote");
        assertThat(remote.path("transport").asText()).isEqualTo("streamable-http");
        assertThat(remote.path("title").asText()).isEqualTo("Remote Weather");
        assertThat(pkg.path("server")).isEqualTo(packageOnly);
        assertThat(absent(pkg.path("endpoint_url")))
                .as("no endpoint_url without a remote: " + pkg)
                .isTrue();
        assertThat(absent(pkg.path("transport"))).isTrue();
    }

    @Test
    void a_seed_style_submission_still_works_and_is_published_as_one_remote() {
        String name = uniqueName("seed-ledger");
        String endpoint = Submissions.endpointOf(name);

        JsonNode submitted = submit(registry, publisher(), Submissions.of(name));
        assertThat(submitted.path("endpoint_url").asText()).isEqualTo(endpoint);
        assertThat(submitted.path("transport").asText()).isEqualTo("streamable-http");
        assertThat(submitted.path("server").path("remotes")).hasSize(1);
        approve(registry, submitted);

        HttpResponse<String> published = registry.get(publishedPath(name, "1.0.0"), null);
        assertThat(published.statusCode()).isEqualTo(200);
        OfficialRegistryApi.load().assertConforms(published);
        JsonNode server = json(published).path("server");
        assertThat(server.path("name").asText()).isEqualTo(name);
        assertThat(server.path("version").asText()).isEqualTo("1.0.0");
        assertThat(server.path("title").asText()).isEqualTo("Ledger tools");
        assertThat(server.path("$schema").asText()).isEqualTo(SCHEMA_URL);
        assertThat(server.path("remotes")).hasSize(1);
        assertThat(server.path("remotes").get(0).path("type").asText()).isEqualTo("streamable-http");
        assertThat(server.path("remotes").get(0).path("url").asText()).isEqualTo(endpoint);
        assertThat(absent(server.path("packages"))).as("no packages: " + server).isTrue();
        assertThat(server).isEqualTo(submitted.path("server"));
    }

    @Test
    void a_package_belongs_to_one_server_name() {
        ObjectNode first = ServerJsonDocuments.npmServer("ledger-package", null);
        submit(registry, publisher(), submission(first));
        ObjectNode nextVersion = first.deepCopy().put("version", "1.1.0");
        ((ObjectNode) nextVersion.path("packages").get(0)).put("version", "1.1.0");
        ObjectNode otherServer = first.deepCopy().put("name", uniqueName("package-squatter"));

        assertThat(registry.post("/registrations", publisher(), submission(nextVersion))
                        .statusCode())
                .as("another version of the same server shares its package")
                .isEqualTo(201);
        HttpResponse<String> clash = registry.post("/registrations", publisher(), submission(otherServer));
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        assertThat(json(clash).path("detail").asText())
                .contains(first.path("name").asText());
    }

    @Test
    void a_remote_url_belongs_to_one_server_name() {
        String url = "https://mcp.contoso.example/" + uniqueName("shared").replace('/', '-');
        ObjectNode first = ServerJsonDocuments.remoteServer("remote-owner", url);
        submit(registry, publisher(), submission(first));

        HttpResponse<String> clash = registry.post(
                "/registrations", publisher(), submission(ServerJsonDocuments.remoteServer("remote-squatter", url)));
        HttpResponse<String> seedClash = registry.post(
                "/registrations",
                publisher(),
                Submissions.of(uniqueName("seed-squatter"), "1.0.0", url.replace("https://mcp.", "https://MCP.")));

        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        assertThat(json(clash).path("detail").asText())
                .contains(first.path("name").asText());
        assertThat(seedClash.statusCode())
                .as("the seed's endpoint_url, its host in capitals, is the same remote URL")
                .isEqualTo(409);
    }

    @Test
    void an_invalid_document_is_400_naming_each_field_below_server() {
        ObjectNode document = ServerJsonDocuments.npmServer("invalid", null);
        ((ObjectNode) document.path("packages").get(0)).put("version", "latest");
        document.put("description", "x".repeat(101));

        HttpResponse<String> refused = registry.post("/registrations", publisher(), submission(document));

        assertThat(ServerJsonDocuments.rejectedFields(refused))
                .contains("/server/packages/0/version", "/server/description");
    }

    @Test
    void the_server_and_the_simple_fields_are_not_both_sent() {
        Map<String, Object> both = Submissions.with(
                Submissions.of(uniqueName("both")), "server", ServerJsonDocuments.npmServer("both", null));

        assertThat(registry.post("/registrations", publisher(), both).statusCode())
                .isEqualTo(400);
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull() || (node.isArray() && node.isEmpty());
    }
}
