package com.mcpregistry.http.serverjson;

import static com.mcpregistry.domain.testing.ServerDocumentTestData.document;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.mcpbPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.npmPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.nugetPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.ociPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.pypiPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.remoteWithHeadersAndVariables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.PublisherMeta;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.serverjson.Variables;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Writing a {@link ServerDocument} as official server.json: only what it holds, valid under the 2025-12-11 schema. */
class ServerJsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_document_of_the_seeds_simple_fields_is_one_remote_and_nothing_absent() throws IOException {
        ServerDocument seed = new ServerDocument(
                new ServerName("com.contoso/ledger-tools"),
                new Version("1.4.0"),
                new ServerDefinition(
                        new Description("Ledger tools for finance teams"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        List.of(),
                        List.of(new Remote(
                                RemoteTransport.SSE,
                                new UrlTemplate("https://ledger.contoso.com/sse"),
                                List.of(),
                                Variables.NONE)),
                        Optional.empty()));

        ObjectNode written = ServerJsonWriter.write(seed);

        assertThat(written).isEqualTo(MAPPER.readTree("""
                        {
                          "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
                          "name": "com.contoso/ledger-tools",
                          "description": "Ledger tools for finance teams",
                          "version": "1.4.0",
                          "remotes": [{ "type": "sse", "url": "https://ledger.contoso.com/sse" }]
                        }
                        """));
        assertThat(OfficialRegistryApi.serverSchema("2025-12-11/").validate(written))
                .isEmpty();
    }

    @Test
    void a_document_of_every_package_type_and_a_rich_remote_is_valid_and_reads_back_the_same() throws IOException {
        ServerDocument full = withPublisherMeta(document(
                List.of(npmPackage(), pypiPackage(), nugetPackage(), ociPackage(), mcpbPackage()),
                List.of(remoteWithHeadersAndVariables())));

        ObjectNode written = ServerJsonWriter.write(full);

        assertThat(OfficialRegistryApi.serverSchema("2025-12-11/").validate(written))
                .isEmpty();
        assertThat(ServerJsonReader.read(written)).isEqualTo(full);
    }

    private static ServerDocument withPublisherMeta(ServerDocument document) {
        ServerDefinition d = document.definition();
        return new ServerDocument(
                document.name(),
                document.version(),
                new ServerDefinition(
                        d.description(),
                        d.title(),
                        d.websiteUrl(),
                        d.repository(),
                        d.icons(),
                        d.packages(),
                        d.remotes(),
                        Optional.of(new PublisherMeta("{\"tool\":\"ci\",\"run\":42}"))));
    }
}
