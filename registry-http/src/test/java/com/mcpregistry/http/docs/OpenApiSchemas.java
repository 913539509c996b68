package com.mcpregistry.http.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks JSON against the registry's OpenAPI document, so that a test proves that what the API answers is what the
 * document promises. Three ways in:
 *
 * <ul>
 *   <li>{@link #problems(String, String)} / {@link #assertConforms(String, String)}: a body against a schema of
 *       {@code components.schemas}, by name ({@code "Registration"}, {@code "Problem"}, …);
 *   <li>{@link #responseProblems(String, int, String, String)}: an answer against what one operation (by
 *       {@code operationId}) documents for a status: the status must be documented, the media type listed, and the
 *       body must match that media type's schema;
 *   <li>{@link #assertResponse(HttpResponse)}: a real {@link HttpResponse} — the operation is found from the
 *       request's method and path, and documented headers that are present must match their schemas too.
 * </ul>
 *
 * Validation follows JSON Schema 2020-12 with the OpenAPI 3.1 dialect, formats ({@code uuid}, {@code date-time},
 * {@code uri}) asserted. Thread-safe; compiled schemas are cached, so share one instance per test class.
 */
public final class OpenApiSchemas {
    /** The document's identifier while validating; {@code .invalid} so that nothing is ever fetched from it. */
    private static final String DOCUMENT_IRI = "https://mcp-registry.invalid/openapi.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final List<Operation> operations;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    /** One documented operation: its method, path template, id and OpenAPI object. */
    public record Operation(String method, String path, String operationId, JsonNode node) {
        public Operation {
            method = method.toUpperCase(Locale.ROOT);
        }

        /** The JSON pointer of the operation object inside the document. */
        public String pointer() {
            return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
        }

        private boolean matches(String method, String rawPath) {
            return this.method.equalsIgnoreCase(method)
                    && template(path).matcher(rawPath).matches();
        }

        private long parameterCount() {
            return path.chars().filter(c -> c == '{').count();
        }
    }

    private OpenApiSchemas(String documentJson) {
        this.document = read(documentJson);
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, documentJson))));
        this.config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        this.operations = readOperations(document);
    }

    /** The document the API serves, {@link OpenApiDocument#RESOURCE} on the classpath. */
    public static OpenApiSchemas fromClasspath() {
        try (InputStream in = OpenApiSchemas.class.getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OpenApiDocument.RESOURCE + " is not on the classpath");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document the API serves with these {@link OpenApiPaths} parts merged in (e.g. {@link OpenApiPaths#METRICS}),
     * as a mode of the application that adds those routes serves it.
     */
    public static OpenApiSchemas fromClasspathWith(String... partResources) {
        OpenApiPaths parts = OpenApiPaths.none();
        for (String resource : partResources) {
            parts = parts.and(OpenApiPaths.fromClasspath(resource));
        }
        return of(new String(OpenApiDocument.fromClasspath().with(parts).json(), StandardCharsets.UTF_8));
    }

    /** Any OpenAPI 3.1 document, e.g. the body a server answered to {@code GET /openapi.json}. */
    public static OpenApiSchemas of(String documentJson) {
        return new OpenApiSchemas(documentJson);
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation of the document, in document order. */
    public List<Operation> operations() {
        return operations;
    }

    public Operation operation(String operationId) {
        return operations.stream()
                .filter(op -> operationId.equals(op.operationId()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the document has no operation " + operationId));
    }

    /**
     * The operation serving a concrete request path such as {@code /registrations/3fa8…}; literal segments win over
     * parameters, and a trailing slash is ignored (as the API's router ignores it).
     */
    public Optional<Operation> operationFor(String method, String rawPath) {
        String path =
                rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        return operations.stream()
                .filter(op -> op.matches(method, path))
                .min(Comparator.comparingLong(Operation::parameterCount));
    }

    /** What is wrong with {@code json} as an instance of {@code components.schemas.<schemaName>}; empty if nothing. */
    public List<String> problems(String schemaName, String json) {
        if (!document.path("components").path("schemas").has(schemaName)) {
            throw new IllegalArgumentException("the document has no schema " + schemaName);
        }
        return validate("/components/schemas/" + escape(schemaName), read(json));
    }

    public void assertConforms(String schemaName, String json) {
        fail("a " + schemaName, json, problems(schemaName, json));
    }

    /** What is wrong with {@code body} (may be empty) as the answer {@code status} of {@code operationId}. */
    public List<String> responseProblems(String operationId, int status, String contentType, String body) {
        return responseProblems(operation(operationId), status, contentType, body, Map.of());
    }

    /**
     * What is wrong with {@code body} as the answer {@code status} of the operation serving {@code method} and
     * {@code rawPath} (a concrete path, e.g. {@code /v0.1/servers/com.contoso%2Fledger/versions}): for documents whose
     * operations have no {@code operationId}.
     */
    public List<String> responseProblems(String method, String rawPath, int status, String contentType, String body) {
        Operation operation = operationFor(method, rawPath)
                .orElseThrow(() ->
                        new IllegalArgumentException("the document has no operation for " + method + " " + rawPath));
        return responseProblems(operation, status, contentType, body, Map.of());
    }

    /** Asserts that the answer matches the operation its request was for: status, media type, body and headers. */
    public void assertResponse(HttpResponse<String> response) {
        String method = response.request().method();
        String path = response.request().uri().getRawPath();
        Operation operation = operationFor(method, path)
                .orElseThrow(() -> new AssertionError("the document has no operation for " + method + " " + path));
        assertResponse(operation, response);
    }

    /** Like {@link #assertResponse(HttpResponse)} for a named operation. */
    public void assertResponse(String operationId, HttpResponse<String> response) {
        assertResponse(operation(operationId), response);
    }

    private void assertResponse(Operation operation, HttpResponse<String> response) {
        List<String> problems = responseProblems(
                operation,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body(),
                response.headers().map());
        fail(operation.operationId() + "'s " + response.statusCode() + " answer", response.body(), problems);
    }

    private List<String> responseProblems(
            Operation operation, int status, String contentType, String body, Map<String, List<String>> headers) {
        String responsesPointer = operation.pointer() + "/responses";
        JsonNode responses = document.at(responsesPointer);
        String code = Integer.toString(status);
        String key = responses.has(code)
                ? code
                : responses.has(code.charAt(0) + "XX")
                        ? code.charAt(0) + "XX"
                        : responses.has("default") ? "default" : null;
        if (key == null) {
            return List.of(operation.operationId() + " documents no " + status + " answer (it documents "
                    + fieldNames(responses) + ")");
        }
        String responsePointer = follow(responsesPointer + "/" + escape(key));
        JsonNode response = document.at(responsePointer);
        List<String> problems = new ArrayList<>(headerProblems(responsePointer, response, headers));
        JsonNode content = response.path("content");
        boolean emptyBody = body == null || body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!emptyBody) {
                problems.add("the " + status + " answer is documented without a body, but one was sent");
            }
            return problems;
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            problems.add(
                    "the " + status + " answer is documented as " + fieldNames(content) + ", not '" + mediaType + "'");
            return problems;
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (schema.isMissingNode() || !mediaType.contains("json")) {
            return problems;
        }
        JsonNode instance;
        try {
            instance = MAPPER.readTree(emptyBody ? "" : body);
        } catch (JsonProcessingException e) {
            problems.add("the body is not JSON: " + e.getOriginalMessage());
            return problems;
        }
        if (instance == null || instance.isMissingNode()) {
            problems.add("the " + status + " answer has no body, but " + mediaType + " is documented");
            return problems;
        }
        problems.addAll(validate(responsePointer + "/content/" + escape(mediaType) + "/schema", instance));
        if (mediaType.equals("application/problem+json")
                && instance.has("status")
                && instance.path("status").asInt() != status) {
            problems.add("the problem's status " + instance.path("status") + " is not the HTTP status " + status);
        }
        return problems;
    }

    /** Documented headers that the answer carries must match their schemas. */
    private List<String> headerProblems(String responsePointer, JsonNode response, Map<String, List<String>> headers) {
        List<String> problems = new ArrayList<>();
        Iterator<String> names = response.path("headers").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Optional<String> value = headers.entrySet().stream()
                    .filter(e ->
                            e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
            if (value.isEmpty()) {
                continue;
            }
            String headerPointer = follow(responsePointer + "/headers/" + escape(name));
            JsonNode schema = document.at(headerPointer + "/schema");
            if (schema.isMissingNode()) {
                continue;
            }
            JsonNode instance = schema.path("type").asText().equals("integer")
                            && value.get().matches("-?[0-9]{1,9}")
                    ? IntNode.valueOf(Integer.parseInt(value.get()))
                    : TextNode.valueOf(value.get());
            validate(headerPointer + "/schema", instance)
                    .forEach(problem -> problems.add("header " + name + ": " + problem));
        }
        return problems;
    }

    private List<String> validate(String pointer, JsonNode instance) {
        JsonSchema schema = compiled.computeIfAbsent(
                pointer, p -> factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(p)), config));
        Set<ValidationMessage> messages = schema.validate(instance);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Follows a {@code $ref} (to the same document) at {@code pointer}, if there is one. */
    private String follow(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode ref = document.at(current).path("$ref");
            if (!ref.isTextual()) {
                return current;
            }
            if (!ref.asText().startsWith("#/")) {
                throw new IllegalStateException("only references inside the document are followed: " + ref);
            }
            current = ref.asText().substring(1);
        }
        throw new IllegalStateException("references loop at " + pointer);
    }

    private static List<Operation> readOperations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    if (HTTP_METHODS.contains(entry.getKey())) {
                        operations.add(new Operation(
                                entry.getKey(),
                                path.getKey(),
                                entry.getValue().path("operationId").asText(null),
                                entry.getValue()));
                    }
                }));
        return List.copyOf(operations);
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("\\{[^}/]*}", -1)) {
            if (regex.length() > 0 || path.startsWith("{")) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** A JSON pointer token: {@code ~} and {@code /} escaped as RFC 6901 says. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: characters a fragment may not hold ({@code {}}, space…) percent-encoded. */
    private static String fragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void fail(String what, String json, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("Expected " + what + " as the OpenAPI document describes it, but:\n  - "
                    + String.join("\n  - ", problems) + "\nin:\n" + json);
        }
    }
}
