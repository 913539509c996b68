package com.mcpregistry.http.registration;

import static com.mcpregistry.http.serverjson.ServerJsonDocuments.document;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.with;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.http.testing.DocumentedAnswers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the official registry's publish checks (VALIDATION-RULES.md beside the vendored 2025-12-11 edition)
 * that can be decided from the document alone — rules 1 to 33, which the reader and the schema hold, the per-registry
 * rules marked {@code [offline]}, and this registry's own 69 and 70 — has a document here that breaks it and nothing
 * else, submitted as {@code server} through the real API: each is a 400 naming the field by its JSON pointer below
 * {@code /server}. Rules marked {@code [network]} are proved by calling the package registries, which this registry
 * does not do (an administrator's review stands in for them).
 */
class OfficialPublishRulesTest {
    private static final String SUBMITTER = StubTokens.user("ada");
    private static final String NAME = "com.contoso/ledger-tools";

    private static final String PYPI = """
            {"registryType":"pypi","identifier":"ledger-tools","version":"1.4.0","transport":{"type":"stdio"}}""";
    private static final String NUGET = """
            {"registryType":"nuget","identifier":"Contoso.LedgerTools","version":"1.4.0","transport":{"type":"stdio"}}""";
    private static final String OCI = """
            {"registryType":"oci","identifier":"docker.io/contoso/ledger-tools:1.4.0","transport":{"type":"stdio"}}""";
    private static final String MCPB = """
            {"registryType":"mcpb",
             "identifier":"https://github.com/contoso/ledger-mcp/releases/download/v1.4.0/ledger.mcpb",
             "fileSha256":"fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce",
             "transport":{"type":"stdio"}}""";

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass(new ApiSettings(List.of()), new StubTokens());

    private final ApiClient http = new ApiClient(() -> api.app().port(), new DocumentedAnswers());

    /** One way to break one rule: the rule's number, what breaks it, how, and the field refused. */
    record Violation(int rule, String what, UnaryOperator<ObjectNode> spoil, String refused) {
        @Override
        public String toString() {
            return "rule " + rule + ": " + what;
        }
    }

    private static Violation set(int rule, String what, String pointer, String value, String refused) {
        return new Violation(rule, what, document -> with(document, pointer, value), refused);
    }

    private static Violation set(int rule, String what, String pointer, String value) {
        return set(rule, what, pointer, value, pointer);
    }

    private static Violation remove(int rule, String what, String pointer, String refused) {
        return new Violation(rule, what, document -> without(document, pointer), refused);
    }

    /** The package of {@code json} in place of the npm package, with {@code pointer} in it set to {@code value}. */
    private static Violation inPackage(int rule, String what, String json, String pointer, String value) {
        String at = "/packages/0" + pointer;
        return new Violation(
                rule,
                what,
                document -> value == null
                        ? without(with(document, "/packages/0", json), at)
                        : with(with(document, "/packages/0", json), at, value),
                at);
    }

    static Stream<Violation> enforced() {
        String tooLong = "\"" + "x".repeat(101) + "\"";
        return Stream.of(
                set(
                        1,
                        "publisher metadata over 4 KiB",
                        "/_meta",
                        "{\"io.modelcontextprotocol.registry/publisher-provided\":{\"log\":\"" + "x".repeat(4100)
                                + "\"}}",
                        "/_meta/io.modelcontextprotocol.registry~1publisher-provided"),
                set(2, "a name of the wrong JSON type", "/name", "5"),
                set(2, "a description over 100 characters", "/description", tooLong),
                set(2, "a title over 100 characters", "/title", tooLong),
                set(2, "a version over 255 characters", "/version", "\"1." + "0".repeat(255) + "\""),
                set(2, "a remote URL that is not http(s)", "/remotes/0/url", "\"ftp://ledger.contoso.com/mcp\""),
                set(
                        2,
                        "an icon src over 255 characters",
                        "/icons",
                        "[{\"src\":\"https://contoso.com/" + "i".repeat(250) + ".png\"}]",
                        "/icons/0/src"),
                set(
                        2,
                        "an icon of a MIME type the schema does not list",
                        "/icons",
                        "[{\"src\":" + "\"https://contoso.com/i.gif\",\"mimeType\":\"image/gif\"}]",
                        "/icons/0/mimeType"),
                set(
                        2,
                        "an icon size that is not WxH",
                        "/icons",
                        "[{\"src\":\"https://contoso.com/i.png\"," + "\"sizes\":[\"big\"]}]",
                        "/icons/0/sizes/0"),
                set(
                        2,
                        "an icon theme that is not light or dark",
                        "/icons",
                        "[{\"src\":\"https://contoso.com/i.png\"," + "\"theme\":\"blue\"}]",
                        "/icons/0/theme"),
                set(
                        2,
                        "a positional argument without value or valueHint",
                        "/packages/0/packageArguments/0",
                        "{\"type\":\"positional\"}",
                        "/packages/0/packageArguments/0/valueHint"),
                set(2, "an argument of an unknown type", "/packages/0/packageArguments/0/type", "\"flag\""),
                set(2, "an input of an unknown format", "/packages/0/environmentVariables/0/format", "\"date\""),
                set(
                        2,
                        "a repository URL that is not a URL",
                        "/repository",
                        "{\"url\":\"not a url\"," + "\"source\":\"github\"}",
                        "/repository/url"),
                set(2, "a registry base URL that is not a URL", "/packages/0/registryBaseUrl", "\"not a url\""),
                set(
                        2,
                        "a fileSha256 that is not 64 hex digits",
                        "/packages/0",
                        MCPB.replace("fe333e", "FE333E"),
                        "/packages/0/fileSha256"),
                remove(3, "no name", "/name", "/name"),
                set(4, "a name without a slash", "/name", "\"com.contoso.ledger-tools\""),
                set(5, "a name with two slashes", "/name", "\"com.contoso/ledger/tools\""),
                set(6, "a name with an empty namespace", "/name", "\"/ledger-tools\""),
                set(6, "a name with an empty name part", "/name", "\"com.contoso/\""),
                set(9, "version latest", "/version", "\"latest\""),
                set(10, "a caret range", "/version", "\"^1.4.0\""),
                set(10, "a hyphen range", "/version", "\"1.2.3 - 2.0.0\""),
                set(10, "an x range", "/version", "\"1.x\""),
                set(10, "a wildcard", "/version", "\"1.2.*\""),
                set(10, "an OR range", "/version", "\"1.2 || 1.3\""),
                set(
                        11,
                        "a repository URL that is not of its source",
                        "/repository",
                        "{\"url\":" + "\"https://gitlab.com/contoso/ledger\",\"source\":\"github\"}",
                        "/repository/url"),
                set(
                        12,
                        "a repository subfolder that climbs out",
                        "/repository",
                        "{\"url\":"
                                + "\"https://github.com/contoso/ledger\",\"source\":\"github\",\"subfolder\":\"../x\"}",
                        "/repository/subfolder"),
                set(
                        12,
                        "a repository subfolder from the root",
                        "/repository",
                        "{\"url\":"
                                + "\"https://github.com/contoso/ledger\",\"source\":\"github\",\"subfolder\":\"/src\"}",
                        "/repository/subfolder"),
                set(13, "a websiteUrl that does not parse", "/websiteUrl", "\"https://contoso.com/a b\""),
                set(14, "a relative websiteUrl", "/websiteUrl", "\"docs/ledger\""),
                set(16, "a title of only whitespace", "/title", "\"   \""),
                set(
                        17,
                        "an icon src that does not parse",
                        "/icons",
                        "[{\"src\":\"https://contoso.com/a b.png\"}]",
                        "/icons/0/src"),
                set(18, "a relative icon src", "/icons", "[{\"src\":\"/icon.png\"}]", "/icons/0/src"),
                set(19, "an http icon src", "/icons", "[{\"src\":\"http://contoso.com/icon.png\"}]", "/icons/0/src"),
                set(19, "a data: icon src", "/icons", "[{\"src\":\"data:image/png;base64,AAAA\"}]", "/icons/0/src"),
                set(21, "package version latest", "/packages/0/version", "\"latest\""),
                set(21, "a package version range", "/packages/0/version", "\"~1.4\""),
                remove(
                        22,
                        "a named argument without name",
                        "/packages/0/packageArguments/0/name",
                        "/packages/0/packageArguments/0/name"),
                set(
                        23,
                        "a named argument name holding its value",
                        "/packages/0/packageArguments/0/name",
                        "\"--port 8080\""),
                set(
                        26,
                        "a stdio transport with a URL",
                        "/packages/0/transport",
                        "{\"type\":\"stdio\"," + "\"url\":\"http://localhost:8080/mcp\"}",
                        "/packages/0/transport/url"),
                set(
                        27,
                        "a streamable-http package transport without URL",
                        "/packages/0/transport",
                        "{\"type\":\"streamable-http\"}",
                        "/packages/0/transport/url"),
                set(
                        27,
                        "an sse package transport without URL",
                        "/packages/0/transport",
                        "{\"type\":\"sse\"}",
                        "/packages/0/transport/url"),
                set(
                        28,
                        "a package transport URL with an undefined variable",
                        "/packages/0/transport",
                        "{\"type\":\"streamable-http\",\"url\":\"http://localhost:{nope}/mcp\"}",
                        "/packages/0/transport/url"),
                set(
                        28,
                        "a package transport URL that is not http(s)",
                        "/packages/0/transport",
                        "{\"type\":\"streamable-http\",\"url\":\"ws://localhost:8080/mcp\"}",
                        "/packages/0/transport/url"),
                set(29, "a package transport of an unknown type", "/packages/0/transport/type", "\"websocket\""),
                set(30, "a remote over stdio", "/remotes/0/type", "\"stdio\""),
                remove(31, "a remote without URL", "/remotes/0/url", "/remotes/0/url"),
                set(32, "a remote over plain http", "/remotes/0/url", "\"http://ledger.contoso.com/mcp\""),
                set(32, "a remote on localhost", "/remotes/0/url", "\"https://localhost/mcp\""),
                set(32, "a remote on 127.0.0.1", "/remotes/0/url", "\"https://127.0.0.1/mcp\""),
                set(32, "a remote under .localhost", "/remotes/0/url", "\"https://ledger.localhost/mcp\""),
                set(
                        32,
                        "a remote URL with credentials",
                        "/remotes/0/url",
                        "\"https://ci:s3cret@ledger.contoso.com/mcp\""),
                set(
                        33,
                        "a remote URL with an undefined variable",
                        "/remotes/0/url",
                        "\"https://{region}.ledger.contoso.com/mcp\""),
                set(34, "an unknown registry type", "/packages/0/registryType", "\"maven\""),
                set(34, "a registry type not in lower case", "/packages/0/registryType", "\"NPM\""),
                set(
                        35,
                        "an npm package from another registry",
                        "/packages/0/registryBaseUrl",
                        "\"https://npm.contoso.com\""),
                set(36, "an npm package without identifier", "/packages/0/identifier", "\"\""),
                remove(37, "an npm package without version", "/packages/0/version", "/packages/0/version"),
                set(
                        38,
                        "an npm package with fileSha256",
                        "/packages/0/fileSha256",
                        "\"fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce\""),
                set(
                        39,
                        "an npm package from yarn's registry",
                        "/packages/0/registryBaseUrl",
                        "\"https://registry.yarnpkg.com\""),
                inPackage(41, "a PyPI package without identifier", PYPI, "/identifier", "\"\""),
                inPackage(42, "a PyPI package without version", PYPI, "/version", null),
                inPackage(
                        43,
                        "a PyPI package with fileSha256",
                        PYPI,
                        "/fileSha256",
                        "\"fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce\""),
                inPackage(
                        44, "a PyPI package from test.pypi.org", PYPI, "/registryBaseUrl", "\"https://test.pypi.org\""),
                inPackage(46, "a NuGet package without identifier", NUGET, "/identifier", "\"\""),
                inPackage(
                        47,
                        "a NuGet package with fileSha256",
                        NUGET,
                        "/fileSha256",
                        "\"fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce\""),
                inPackage(
                        48,
                        "a NuGet package from another feed",
                        NUGET,
                        "/registryBaseUrl",
                        "\"https://nuget.contoso.com/v3/index.json\""),
                inPackage(49, "a NuGet package without version", NUGET, "/version", null),
                inPackage(51, "an OCI image without identifier", OCI, "/identifier", "\"\""),
                inPackage(
                        52, "an OCI image with a registry base URL", OCI, "/registryBaseUrl", "\"https://docker.io\""),
                inPackage(53, "an OCI image with a version", OCI, "/version", "\"1.4.0\""),
                inPackage(
                        54,
                        "an OCI image with fileSha256",
                        OCI,
                        "/fileSha256",
                        "\"fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce\""),
                inPackage(
                        55,
                        "an OCI reference that does not parse",
                        OCI,
                        "/identifier",
                        "\"docker.io/Contoso Ledger:1.4.0\""),
                inPackage(
                        56,
                        "an OCI image from a registry not allowed",
                        OCI,
                        "/identifier",
                        "\"quay.io/contoso/ledger-tools:1.4.0\""),
                inPackage(
                        57,
                        "an OCI digest that is not sha256",
                        OCI,
                        "/identifier",
                        "\"docker.io/contoso/ledger-tools@md5:0123456789abcdef0123456789abcdef\""),
                inPackage(
                        57,
                        "a sha256 digest too short",
                        OCI,
                        "/identifier",
                        "\"docker.io/contoso/ledger-tools@sha256:abc\""),
                inPackage(
                        58,
                        "an OCI image without tag or digest",
                        OCI,
                        "/identifier",
                        "\"docker.io/contoso/ledger-tools\""),
                inPackage(60, "an MCPB bundle without fileSha256", MCPB, "/fileSha256", null),
                inPackage(61, "an MCPB bundle without identifier", MCPB, "/identifier", "\"\""),
                inPackage(62, "an MCPB bundle with a version", MCPB, "/version", "\"1.4.0\""),
                inPackage(
                        63,
                        "an MCPB bundle with a registry base URL",
                        MCPB,
                        "/registryBaseUrl",
                        "\"https://github.com\""),
                inPackage(
                        64,
                        "an MCPB bundle from a host not allowed",
                        MCPB,
                        "/identifier",
                        "\"https://downloads.contoso.com/mcp/ledger.mcpb\""),
                inPackage(
                        65,
                        "a GitHub MCPB URL that is not a release asset",
                        MCPB,
                        "/identifier",
                        "\"https://github.com/contoso/ledger-mcp/archive/main.mcpb\""),
                inPackage(
                        65,
                        "a GitLab MCPB URL that is not a release asset",
                        MCPB,
                        "/identifier",
                        "\"https://gitlab.com/contoso/ledger-mcp/-/raw/main/ledger.mcpb\""),
                inPackage(
                        66,
                        "an MCPB bundle over plain http",
                        MCPB,
                        "/identifier",
                        "\"http://github.com/contoso/ledger-mcp/releases/download/v1.4.0/ledger.mcpb\""),
                inPackage(
                        67,
                        "an MCPB URL without mcp in it",
                        MCPB,
                        "/identifier",
                        "\"https://github.com/contoso/ledger/releases/download/v1.4.0/ledger.bundle\""),
                new Violation(
                        69,
                        "neither package nor remote",
                        document -> without(without(document, "/packages"), "/remotes"),
                        "/packages"),
                set(
                        70,
                        "a secret environment variable with a default",
                        "/packages/0/environmentVariables/0/default",
                        "\"s3cret\""),
                set(70, "a secret header with a default", "/remotes/0/headers/0/default", "\"Bearer abc\""),
                set(
                        70,
                        "a secret environment variable with a value",
                        "/packages/0/environmentVariables/0/value",
                        "\"s3cret\""),
                set(7, "a namespace that ends in a dot", "/name", "\"com.contoso./ledger-tools\""),
                set(8, "a name part that ends in a hyphen", "/name", "\"com.contoso/ledger-tools-\""),
                set(15, "an http websiteUrl", "/websiteUrl", "\"http://docs.contoso.com/ledger\""),
                set(20, "a package identifier with a space", "/packages/0/identifier", "\"@contoso/ledger tools\""),
                set(
                        23,
                        "a named argument name with a $ placeholder",
                        "/packages/0/packageArguments/0/name",
                        "\"--token=$TOKEN\""),
                set(
                        24,
                        "a named argument value starting with its name",
                        "/packages/0/packageArguments/0/value",
                        "\"--port 8080\""),
                set(
                        25,
                        "a named argument default starting with its name",
                        "/packages/0/packageArguments/0/default",
                        "\"--port=8080\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enforced")
    void a_document_that_breaks_an_official_rule_is_a_400_at_its_field(Violation violation) {
        ObjectNode document = violation.spoil().apply(document(NAME, "1.4.0"));

        HttpResponse<String> answer = http.post("/registrations", SUBMITTER, Map.of("server", document));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(fields(ApiClient.json(answer))).as(answer.body()).containsExactly("/server" + violation.refused());
    }

    @Test
    void the_unspoiled_document_and_each_package_type_are_accepted() {
        List<ObjectNode> documents = new ArrayList<>(List.of(document(NAME, "1.0.0")));
        int patch = 1;
        for (String pkg : List.of(PYPI, NUGET, OCI, MCPB)) {
            documents.add(with(document(NAME, "1.0." + patch++), "/packages/0", pkg));
        }
        for (ObjectNode document : documents) {
            HttpResponse<String> answer = http.post("/registrations", SUBMITTER, Map.of("server", document));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }

    @Test
    void every_offline_rule_has_a_violation_here() throws IOException {
        String rules = OfficialRegistryApi.document(OfficialRegistryApi.EDITION + "VALIDATION-RULES.md");
        Set<Integer> offline = new TreeSet<>();
        Matcher rule = Pattern.compile("(?m)^(\\d+)\\. \\*\\*[^*]+\\*\\*( \\[(offline|network)])?")
                .matcher(rules);
        while (rule.find()) {
            if (!"network".equals(rule.group(3))) {
                offline.add(Integer.parseInt(rule.group(1)));
            }
        }
        Set<Integer> covered = enforced().map(Violation::rule).collect(Collectors.toCollection(TreeSet::new));

        assertThat(offline).as("rules read from VALIDATION-RULES.md").hasSizeGreaterThan(60);
        assertThat(covered).containsAll(offline);
        assertThat(offline).doesNotContain(40, 45, 50, 59, 68);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
