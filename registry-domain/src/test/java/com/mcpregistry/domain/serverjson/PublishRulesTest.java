package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.testing.ServerDocumentTestData.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.shared.ServerName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishRulesTest {

    private static Remote remote(String url) {
        UrlTemplate template = new UrlTemplate(url);
        Map<String, Input> variables = new LinkedHashMap<>();
        template.variableNames().forEach(name -> variables.put(name, Input.NONE));
        return new Remote(RemoteTransport.STREAMABLE_HTTP, template, List.of(), new Variables(variables));
    }

    private static ServerDefinition remotes(String... urls) {
        return definition(
                List.of(), List.of(urls).stream().map(PublishRulesTest::remote).toList());
    }

    private static List<String> refusedFields(PublishRules rules, ServerDefinition d) {
        try {
            rules.checkSubmission(new ServerName("com.contoso/ledger"), d);
            return List.of();
        } catch (InvalidInput e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://ledger.contoso.com/mcp",
                "https://localhost/mcp",
                "https://127.0.0.1:8443/mcp",
                "https://[::1]/mcp",
                "https://tools.localhost/mcp",
                "https://ledger.contoso.com/mcp#tools",
                "https://ledger.contoso.com:0/mcp"
            })
    void outside_development_a_remote_is_an_https_url_of_another_machine(String url) {
        assertThat(refusedFields(PublishRules.STRICT, remotes("https://ok.contoso.com/mcp", url)))
                .containsExactly("/remotes/1/url");
    }

    @Test
    void in_development_plain_http_and_this_machine_are_allowed_but_a_fragment_is_not() {
        assertThat(refusedFields(
                        PublishRules.DEVELOPMENT,
                        remotes("http://localhost:8080/mcp", "https://127.0.0.1/mcp", "http://x.example.com/mcp#a")))
                .containsExactly("/remotes/2/url");
    }

    @Test
    void a_remote_url_with_variables_is_held_to_https_too() {
        assertThat(refusedFields(PublishRules.STRICT, remotes("http://{tenant}.contoso.com/mcp")))
                .containsExactly("/remotes/0/url");
        assertThat(refusedFields(PublishRules.STRICT, remotes("https://{tenant}.contoso.com:{port}/mcp")))
                .isEmpty();
    }

    @Test
    void a_package_from_a_registry_not_allowed_is_refused_at_its_field() {
        Package mirrored = new Package(
                RegistryType.NPM,
                Optional.of(new HttpUrl("https://npm.contoso.com")),
                "@contoso/ledger",
                Optional.of(new Version("1.0.0")),
                Optional.empty(),
                Optional.empty(),
                new Transport.Stdio(),
                List.of(),
                List.of(),
                List.of());
        ServerDefinition d = definition(List.of(mirrored), List.of());

        assertThat(refusedFields(PublishRules.STRICT, d)).containsExactly("/packages/0/registryBaseUrl");
        PublishRules withMirror = new PublishRules(PackageRegistries.parse("npm=https://npm.contoso.com"), false);
        assertThatCode(() -> withMirror.checkSubmission(new ServerName("com.contoso/ledger"), d))
                .doesNotThrowAnyException();
    }

    @Test
    void what_the_definition_had_before_is_not_checked_again() {
        ServerDefinition before = remotes("http://legacy.contoso.com/mcp");
        ServerDefinition next = remotes("http://legacy.contoso.com/mcp", "http://new.contoso.com/mcp");

        assertThatCode(() -> PublishRules.STRICT.checkEdit(before, before)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PublishRules.STRICT.checkEdit(before, next))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("/remotes/1/url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-contoso/ledger", "contoso-/ledger", "com.contoso/ledger-", "com.contoso/_ledger", "a./b"})
    void a_new_servers_namespace_and_name_start_and_end_with_a_letter_or_digit(String name) {
        assertThatThrownBy(() ->
                        PublishRules.STRICT.checkSubmission(new ServerName(name), remotes("https://x.example.com/mcp")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsOnly("/name"));
    }

    @Test
    void a_new_website_url_is_https_but_one_kept_from_before_is_not_checked_again() {
        ServerDefinition plainWebsite = new ServerDefinition(
                new Description("Ledger"),
                Optional.empty(),
                Optional.of(new HttpUrl("http://docs.contoso.com")),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(remote("https://ledger.contoso.com/mcp")),
                Optional.empty());

        assertThat(refusedFields(PublishRules.DEVELOPMENT, plainWebsite)).containsExactly("/websiteUrl");
        assertThatCode(() -> PublishRules.STRICT.checkEdit(plainWebsite, plainWebsite))
                .doesNotThrowAnyException();
    }
}
