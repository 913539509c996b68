package com.mcpregistry.http.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.registration.Workflow;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.http.api.RegistryApi;
import com.mcpregistry.http.audit.AuditRoutes;
import com.mcpregistry.http.checks.CheckRoutes;
import com.mcpregistry.http.ownership.OwnerForm;
import com.mcpregistry.http.publication.PublishedServerRoutes;
import com.mcpregistry.http.registration.RegistrationRoutes;
import com.mcpregistry.http.shared.JsonBody;
import com.mcpregistry.http.shared.QueryParameters;
import com.mcpregistry.ownership.ClaimOutcome;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document is a valid OpenAPI 3.1 document, complete and consistent with itself, alone and
 * with every part the application may add ({@link OpenApiPaths}) merged in: the checks below run on the whole.
 */
class OpenApiDocumentTest {
    private static final OpenApiPaths EVERY_PART = OpenApiPaths.fromClasspath(OpenApiPaths.METRICS)
            .and(OpenApiPaths.fromClasspath(OpenApiPaths.DEVELOPMENT_TOKEN));
    private static final String WHOLE =
            new String(OpenApiDocument.fromClasspath().with(EVERY_PART).json(), StandardCharsets.UTF_8);
    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.of(WHOLE);
    private static final JsonNode DOCUMENT = SCHEMAS.document();

    @Test
    void the_document_is_valid_openapi_3_1_alone_and_with_every_part() throws IOException {
        for (String document : List.of(text(), WHOLE)) {
            ParseOptions options = new ParseOptions();
            options.setValidateInternalRefs(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

            assertThat(result.getMessages()).isEmpty();
            assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
            assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        }
        assertThat(DOCUMENT.path("paths").has("/metrics")).isTrue();
        assertThat(DOCUMENT.path("paths").has("/dev/token")).isTrue();
        assertThat(OpenApiSchemas.fromClasspath().document().path("paths").has("/dev/token"))
                .as("the document alone describes only the API's own routes")
                .isFalse();
    }

    @Test
    void a_part_never_replaces_what_the_document_already_says() {
        OpenApiDocument withMetrics =
                OpenApiDocument.fromClasspath().with(OpenApiPaths.fromClasspath(OpenApiPaths.METRICS));

        assertThatThrownBy(() -> withMetrics.with(OpenApiPaths.fromClasspath(OpenApiPaths.METRICS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paths./metrics");
        assertThat(OpenApiDocument.fromClasspath().with(OpenApiPaths.none()).json())
                .isEqualTo(OpenApiDocument.fromClasspath().json());
    }

    @Test
    void the_document_says_how_to_get_a_token_in_development_and_to_paste_it_without_the_prefix() {
        for (String text : List.of(
                DOCUMENT.at("/info/description").asText(),
                DOCUMENT.at("/components/securitySchemes/bearerAuth/description")
                        .asText())) {
            assertThat(text)
                    .contains("start-dev")
                    .contains("java -jar registry-app/target/mcp-registry.jar token [--admin]")
                    .contains("POST /dev/token")
                    .contains("without the `Bearer ` prefix");
        }
        assertThat(DOCUMENT.at("/info/description").asText()).contains("**Authorize**");
    }

    @Test
    void the_application_reads_the_document_it_serves() throws IOException {
        byte[] json = text().getBytes(StandardCharsets.UTF_8);

        assertThat(OpenApiDocument.fromClasspath().json()).isEqualTo(json);
    }

    @Test
    void every_operation_has_a_unique_id_a_summary_its_security_and_responses() {
        Set<String> ids = new HashSet<>();
        assertThat(SCHEMAS.operations()).hasSizeGreaterThan(10);
        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            String where = operation.method() + " " + operation.path();
            JsonNode node = operation.node();
            assertThat(node.path("operationId").asText())
                    .as(where + " operationId")
                    .matches("[a-z][A-Za-z0-9]+");
            assertThat(ids.add(operation.operationId()))
                    .as(where + " reuses the operationId " + operation.operationId())
                    .isTrue();
            assertThat(node.path("summary").asText()).as(where + " summary").isNotBlank();
            assertThat(node.path("tags").size()).as(where + " tags").isPositive();
            assertThat(node.path("security").isArray())
                    .as(where + " states its security (an empty list when public)")
                    .isTrue();
            assertThat(node.path("responses").size()).as(where + " responses").isPositive();
        }
    }

    @Test
    void every_security_requirement_names_a_declared_scheme() {
        JsonNode schemes = DOCUMENT.path("components").path("securitySchemes");
        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            for (JsonNode requirement : operation.node().path("security")) {
                requirement
                        .fieldNames()
                        .forEachRemaining(name -> assertThat(schemes.has(name))
                                .as(operation.operationId() + " names the security scheme " + name)
                                .isTrue());
            }
        }
    }

    @Test
    void path_parameters_are_exactly_those_of_the_path_template() {
        Pattern parameter = Pattern.compile("\\{([^}/]+)}");
        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            Set<String> inTemplate = new TreeSet<>();
            Matcher matcher = parameter.matcher(operation.path());
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            Set<String> declared = new TreeSet<>();
            List<JsonNode> parameters = new ArrayList<>();
            DOCUMENT.path("paths").path(operation.path()).path("parameters").forEach(parameters::add);
            operation.node().path("parameters").forEach(parameters::add);
            for (JsonNode declaredParameter : parameters) {
                JsonNode resolved = resolve(declaredParameter);
                if (resolved.path("in").asText().equals("path")) {
                    assertThat(resolved.path("required").asBoolean())
                            .as(operation.operationId() + " path parameter required")
                            .isTrue();
                    declared.add(resolved.path("name").asText());
                }
            }
            assertThat(declared)
                    .as(operation.operationId() + " path parameters")
                    .isEqualTo(inTemplate);
        }
    }

    @Test
    void every_reference_points_into_the_document() {
        List<String> refs = new ArrayList<>();
        walk(DOCUMENT, (key, value) -> {
            if (key.equals("$ref")) {
                refs.add(value.asText());
            }
        });

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).as("references stay inside the document").startsWith("#/");
            assertThat(DOCUMENT.at(ref.substring(1)).isMissingNode())
                    .as(ref + " resolves")
                    .isFalse();
        }
    }

    @Test
    void every_component_schema_is_valid_json_schema_2020_12() {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        DOCUMENT.path("components")
                .path("schemas")
                .fields()
                .forEachRemaining(schema -> assertThat(metaSchema.validate(schema.getValue()))
                        .as("components.schemas." + schema.getKey())
                        .isEmpty());
    }

    @Test
    void every_component_schema_resolves_and_accepts_its_examples() {
        DOCUMENT.path("components").path("schemas").fields().forEachRemaining(schema -> {
            for (JsonNode example : schema.getValue().path("examples")) {
                assertThat(SCHEMAS.problems(schema.getKey(), example.toString()))
                        .as(schema.getKey() + " example " + example)
                        .isEmpty();
            }
            // Validating compiles the schema, which resolves every reference in it.
            assertThatCode(() -> SCHEMAS.problems(schema.getKey(), "null"))
                    .as(schema.getKey() + " compiles")
                    .doesNotThrowAnyException();
        });
    }

    @Test
    void every_example_answer_matches_its_documented_schema() {
        int checked = 0;
        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            for (Map.Entry<String, JsonNode> response : fields(operation.node().path("responses"))) {
                JsonNode content = resolve(response.getValue()).path("content");
                for (Map.Entry<String, JsonNode> media : fields(content)) {
                    for (JsonNode example : examples(media.getValue())) {
                        assertThat(SCHEMAS.responseProblems(
                                        operation.operationId(),
                                        Integer.parseInt(response.getKey()),
                                        media.getKey(),
                                        example.toString()))
                                .as(operation.operationId() + " " + response.getKey() + " example")
                                .isEmpty();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void every_example_request_body_matches_its_documented_schema() throws IOException {
        int checked = 0;
        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            JsonNode content = resolve(operation.node().path("requestBody")).path("content");
            for (Map.Entry<String, JsonNode> media : fields(content)) {
                JsonNode schema = media.getValue().path("schema");
                for (JsonNode example : examples(media.getValue())) {
                    String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
                    assertThat(SCHEMAS.problems(name, example.toString()))
                            .as(operation.operationId() + " request example")
                            .isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void every_error_answer_is_a_problem_document_except_the_mcp_registry_apis_official_error_body() {
        // The health checks answer 503 with their own body, which load balancers read.
        Set<String> ownBodies = Set.of("getHealth 503", "getReadiness 503");
        int registryApiErrors = 0;
        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            boolean registryApi = texts(operation.node().path("tags")).contains("mcp-registry");
            for (Map.Entry<String, JsonNode> response : fields(operation.node().path("responses"))) {
                String status = response.getKey();
                if (!status.startsWith("4") && !status.startsWith("5")) {
                    continue;
                }
                if (ownBodies.contains(operation.operationId() + " " + status)) {
                    continue;
                }
                // Jetty answers 431, and a body too slow 408, before any route runs: a problem document whatever the
                // path.
                boolean official = registryApi && !status.equals("431") && !status.equals("408");
                String mediaType = official ? "application/json" : "application/problem+json";
                JsonNode content = resolve(response.getValue()).path("content");
                assertThat(fields(content))
                        .as(operation.operationId() + " " + status + " media types")
                        .extracting(Map.Entry::getKey)
                        .containsExactly(mediaType);
                assertThat(content.path(mediaType).path("schema").path("$ref").asText())
                        .as(operation.operationId() + " " + status + " schema")
                        .isEqualTo(official ? "#/components/schemas/RegistryError" : "#/components/schemas/Problem");
                registryApiErrors += official ? 1 : 0;
            }
        }
        assertThat(registryApiErrors).isGreaterThanOrEqualTo(6 * 2);
    }

    @Test
    void the_documented_limits_are_those_the_registry_enforces() {
        assertLength("ServerName", ServerName.MIN_LENGTH, ServerName.MAX_LENGTH);
        assertLength("Version", 1, Version.MAX_LENGTH);
        assertLength("Title", 1, Title.MAX_LENGTH);
        assertLength("Description", 1, Description.MAX_LENGTH);
        assertLength("HttpUrl", 1, HttpUrl.MAX_LENGTH);
        assertThat(schema("Email").path("maxLength").asInt()).isEqualTo(OwnerContact.MAX_LENGTH);
        assertLength("Reason", 1, Reason.MAX_LENGTH);
        assertThat(schema("Tags").path("maxItems").asInt()).isEqualTo(Tags.MAX_COUNT);
        assertThat(schema("Tags").path("items").path("maxLength").asInt()).isEqualTo(Tags.MAX_TAG_LENGTH);
        assertThat(schema("SimpleSubmission")
                        .path("properties")
                        .path("version")
                        .path("default")
                        .asText())
                .isEqualTo(Version.DEFAULT.value());
        assertThat(texts(schema("RegistrationStatus").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(RegistrationStatus.values())
                        .map(RegistrationStatus::label)
                        .toList());
        assertThat(texts(schema("Transport").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(RemoteTransport.values())
                        .map(RemoteTransport::wireName)
                        .toList());

        assertThat(texts(schema("RegistrationActions").path("items").path("enum")))
                .as("every action of the workflow table, and nothing else")
                .containsExactlyInAnyOrderElementsOf(Workflow.TABLE.stream()
                        .map(transition -> transition.action().wireName())
                        .distinct()
                        .toList());
        assertThat(texts(schema("Namespaces").path("properties").path("policy").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(NamespacePolicy.values())
                        .map(NamespacePolicy::wireName)
                        .toList());
        assertThat(schema("NamespacePrefix").path("maxLength").asInt()).isEqualTo(NamespacePrefix.MAX_LENGTH);
        assertThat(schema("OwnerReferences").path("maxItems").asInt()).isEqualTo(OwnerForm.MAX_OWNERS);
        assertThat(schema("NamespaceClaimed")
                        .at("/properties/conflicts/maxItems")
                        .asInt())
                .isEqualTo(ClaimOutcome.MAX_LISTED);

        JsonNode parameters = DOCUMENT.path("components").path("parameters");
        assertThat(parameters.at("/Search/schema/maxLength").asInt()).isEqualTo(QueryParameters.MAX_SEARCH_LENGTH);
        assertThat(parameters.at("/IdempotencyKey/schema/maxLength").asInt())
                .isEqualTo(SubmitRegistrationUseCase.IdempotencyKey.MAX_LENGTH);
        assertThat(parameters.at("/RegistrationLimit/schema/maximum").asInt()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThat(parameters.at("/AuditLimit/schema/maximum").asInt()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThat(parameters.at("/CheckLimit/schema/maximum").asInt()).isEqualTo(CheckRoutes.MAX_LIMIT);
        assertThat(texts(schema("HealthStatus").path("enum")))
                .containsExactlyElementsOf(
                        Arrays.stream(Health.values()).map(Health::wireName).toList());
        assertThat(texts(schema("CheckOutcome").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(ProbeOutcome.values())
                        .map(ProbeOutcome::wireName)
                        .toList());
        assertThat(schema("RemoteTool").at("/properties/name/maxLength").asInt())
                .isEqualTo(Tool.MAX_NAME_LENGTH);
        assertThat(texts(parameters.at("/AuditAction/schema/enum")))
                .containsExactlyElementsOf(Arrays.stream(AuditAction.values())
                        .map(AuditAction::wireName)
                        .toList());

        JsonNode responses = DOCUMENT.path("components").path("responses");
        assertThat(responses.at("/ContentTooLarge/description").asText())
                .contains(Integer.toString(JsonBody.MAX_BODY_BYTES));
        assertThat(DOCUMENT.at("/info/description").asText())
                .contains((RegistryApi.MAX_REQUEST_HEADER_BYTES / 1024) + " KiB");
    }

    /**
     * Swagger UI fills a parameter's box from its {@code examples}, {@code example}, its content's example, its
     * schema's {@code example} or {@code default}, then its own {@code default} (swagger-ui 5, ParameterRow
     * setDefaultValue), and "Try it out" sends what is in the box: an example would become the first call's filter
     * ({@code search=ledger}), precondition ({@code If-Match: "3"}) or key. Examples belong in the description. A
     * default is allowed only where it is what the server does without the parameter anyway (the page sizes and
     * {@code include_deleted=false}), so that filling it in changes nothing.
     */
    @Test
    void no_parameter_carries_a_value_that_swagger_ui_would_fill_in_except_the_servers_own_defaults() {
        Map<String, JsonNode> serverDefaults = Map.of(
                "RegistrationLimit", IntNode.valueOf(RegistrationRoutes.DEFAULT_LIMIT),
                "AuditLimit", IntNode.valueOf(AuditRoutes.DEFAULT_LIMIT),
                "CheckLimit", IntNode.valueOf(CheckRoutes.DEFAULT_LIMIT),
                "ServerListLimit", IntNode.valueOf(PublishedServerRoutes.DEFAULT_LIMIT),
                "IncludeDeleted", BooleanNode.FALSE);
        // Each parameter once: the shared ones by component name, those written inside an operation by "".
        List<Map.Entry<String, JsonNode>> parameters = new ArrayList<>(fields(DOCUMENT.at("/components/parameters")));
        DOCUMENT.path("paths").forEach(pathItem -> {
            pathItem.path("parameters").forEach(parameter -> parameters.add(Map.entry("", parameter)));
            pathItem.forEach(operation ->
                    operation.path("parameters").forEach(parameter -> parameters.add(Map.entry("", parameter))));
        });
        assertThat(parameters).hasSizeGreaterThan(20);

        for (Map.Entry<String, JsonNode> declared : parameters) {
            if (declared.getValue().has("$ref")) {
                continue; // checked as its component
            }
            JsonNode parameter = declared.getValue();
            String name = parameter.path("in").asText() + " parameter "
                    + parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            assertThat(parameter.has("example") || parameter.has("examples"))
                    .as(name + " has an example")
                    .isFalse();
            assertThat(parameter.path("content").findValue("example"))
                    .as(name + " has a content example")
                    .isNull();
            assertThat(schema.has("example") || schema.has("examples"))
                    .as(name + "'s schema has an example")
                    .isFalse();
            String component = declared.getKey();
            JsonNode defaultValue = schema.has("default") ? schema.get("default") : parameter.get("default");
            if (defaultValue != null) {
                assertThat(defaultValue)
                        .as(name + " has a default that is not what the server does without it")
                        .isEqualTo(serverDefaults.get(component));
            }
        }
        assertThat(DOCUMENT.at("/components/parameters/RegistrationLimit/schema/default"))
                .isEqualTo(IntNode.valueOf(RegistrationRoutes.DEFAULT_LIMIT));
    }

    private static List<JsonNode> examples(JsonNode media) {
        List<JsonNode> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(media.get("example"));
        }
        media.path("examples").forEach(example -> examples.add(resolve(example).path("value")));
        return examples;
    }

    private static void assertLength(String schemaName, int min, int max) {
        JsonNode schema = schema(schemaName);
        assertThat(schema.path("minLength").asInt())
                .as(schemaName + " minLength")
                .isEqualTo(min);
        assertThat(schema.path("maxLength").asInt())
                .as(schemaName + " maxLength")
                .isEqualTo(max);
    }

    private static JsonNode schema(String name) {
        JsonNode schema = DOCUMENT.path("components").path("schemas").path(name);
        assertThat(schema.isObject()).as("components.schemas." + name).isTrue();
        return schema;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = DOCUMENT.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        return fields;
    }

    private static void walk(JsonNode node, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                visitor.accept(field.getKey(), field.getValue());
                walk(field.getValue(), visitor);
            });
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, visitor));
        }
    }

    private static String text() throws IOException {
        try (InputStream in =
                OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
            assertThat(in).as(OpenApiDocument.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
