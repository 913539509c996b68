package com.mcpregistry.http.serverjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official examples of the 2025-12-11 edition, vendored in the test resources: each valid one reads into a
 * {@link ServerDocument} and writes back as the same document; each invalid one is refused at the field that makes
 * it invalid.
 */
class ServerJsonExamplesTest {
    private static final String EXAMPLES = "2025-12-11/examples/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Official, and valid under the schema, but SPEC §9 asks for at least one package or remote. */
    private static final String WITHOUT_PACKAGE_OR_REMOTE = "minimal.json";

    static Stream<String> validExamples() throws IOException, URISyntaxException {
        return examples("valid").filter(name -> !name.equals(WITHOUT_PACKAGE_OR_REMOTE));
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void a_valid_official_example_reads_and_writes_back_as_the_same_document(String example) throws IOException {
        JsonNode official = example("valid/" + example);

        ObjectNode written = ServerJsonWriter.write(ServerJsonReader.read(official));

        assertThat(written).isEqualTo(ServerJsonDocuments.asWritten(official));
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void what_the_writer_writes_is_valid_under_the_official_schema(String example) throws IOException {
        ObjectNode written = ServerJsonWriter.write(ServerJsonReader.read(example("valid/" + example)));

        Set<ValidationMessage> problems =
                OfficialRegistryApi.serverSchema("2025-12-11/").validate(written);

        assertThat(problems).isEmpty();
        assertThat(written.path("$schema").asText())
                .isEqualTo("https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json");
    }

    @Test
    void the_official_example_without_package_or_remote_is_refused_as_spec_9_asks()
            throws IOException, URISyntaxException {
        assertThat(examples("valid")).contains(WITHOUT_PACKAGE_OR_REMOTE);

        assertThatThrownBy(() -> ServerJsonReader.read(example("valid/" + WITHOUT_PACKAGE_OR_REMOTE)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.errors())
                                .containsExactly(
                                        new FieldError("/packages", "a server needs at least one package or remote")));
    }

    @ParameterizedTest
    @CsvSource({
        "bad-name-pattern.json,                  /name",
        "description-too-long.json,              /description",
        "missing-name.json,                      /name",
        "package-version-latest.json,            /packages/0/version",
        "positional-argument-missing-value.json, /packages/0/packageArguments/0/valueHint",
    })
    void an_invalid_official_example_is_refused_at_its_field(String example, String pointer) throws IOException {
        JsonNode official = example("invalid/" + example);

        assertThatThrownBy(() -> ServerJsonReader.read(official))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.errors())
                                .extracting(FieldError::field)
                                .containsExactly(pointer));
    }

    @Test
    void the_invalid_examples_above_are_all_the_vendored_ones() throws IOException, URISyntaxException {
        assertThat(examples("invalid"))
                .containsExactlyInAnyOrder(
                        "bad-name-pattern.json",
                        "description-too-long.json",
                        "missing-name.json",
                        "package-version-latest.json",
                        "positional-argument-missing-value.json");
    }

    private static Stream<String> examples(String folder) throws IOException, URISyntaxException {
        Path path = Path.of(ServerJsonExamplesTest.class
                .getResource(OfficialRegistryApi.RESOURCES + EXAMPLES + folder)
                .toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static JsonNode example(String name) throws IOException {
        return MAPPER.readTree(OfficialRegistryApi.document(EXAMPLES + name));
    }
}
