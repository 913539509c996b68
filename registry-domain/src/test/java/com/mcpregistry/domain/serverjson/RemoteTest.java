package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.remoteWithHeadersAndVariables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.example.com/mcp",
                "https://{tenant_id}.api.example.com/mcp",
                "https://anonymous.modelcontextprotocol.io/mcp/{tenant_id}",
                "http://localhost:{port}/sse",
            })
    void a_url_template_is_an_http_url_once_its_variables_are_filled_in(String value) {
        assertThat(new UrlTemplate(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://files.example.com/mcp",
                "{baseUrl}/mcp",
                "https://api.example.com/m cp",
                "https://{tenant.api.example.com/mcp",
                "https://{tenant-id}.api.example.com/mcp",
                "https://user:secret@api.example.com/mcp",
                "https://{user}:{password}@api.example.com/mcp",
            })
    void a_url_template_refuses_other_schemes_broken_braces_and_credentials(String value) {
        assertRejected("url", () -> new UrlTemplate(value));
    }

    @Test
    void a_remote_url_refers_only_to_the_remote_s_variables() {
        Remote ok = remoteWithHeadersAndVariables();
        assertThat(ok.type()).isEqualTo(RemoteTransport.STREAMABLE_HTTP);

        assertRejected(
                "/url",
                () -> new Remote(
                        RemoteTransport.SSE,
                        new UrlTemplate("https://{tenant}.example.com/sse"),
                        List.of(),
                        Variables.NONE));
    }

    @Test
    void a_repository_folder_is_a_clean_relative_path() {
        HttpUrl url = new HttpUrl("https://github.com/modelcontextprotocol/servers");
        assertThat(new Repository(url, "github", Optional.of("src/everything"), Optional.of("b94b5f7e")).subfolder())
                .contains("src/everything");
        for (String folder : List.of("/src", "src/../..", "./src", "src//x", "src/", "src\\x")) {
            assertRejected("/subfolder", () -> new Repository(url, "github", Optional.of(folder), Optional.empty()));
        }
        assertRejected("/source", () -> new Repository(url, " ", Optional.empty(), Optional.empty()));
    }

    @Test
    void an_icon_is_an_https_image_with_sizes_like_48x48() {
        HttpUrl png = new HttpUrl("https://example.com/icon.png");
        assertThat(new Icon(png, Optional.empty(), List.of("any"), Optional.of(Icon.Theme.DARK)).sizes())
                .containsExactly("any");
        assertRejected(
                "/src",
                () -> new Icon(
                        new HttpUrl("http://example.com/icon.png"), Optional.empty(), List.of(), Optional.empty()));
        assertRejected("/sizes/1", () -> new Icon(png, Optional.empty(), List.of("48x48", "big"), Optional.empty()));
        assertThat(Icon.MimeType.parse("/icons/0/mimeType", "image/svg+xml")).isEqualTo(Icon.MimeType.SVG);
        assertRejected("/icons/0/mimeType", () -> Icon.MimeType.parse("/icons/0/mimeType", "image/gif"));
    }

    @Test
    void a_remote_is_checked_at_its_url_with_each_variable_at_its_default() {
        assertThat(remoteWithHeadersAndVariables().urlWithDefaults())
                .contains(new HttpUrl("https://api.example.com/mcp"));
        Remote plain = new Remote(
                RemoteTransport.SSE, new UrlTemplate("https://x.example.com/sse"), List.of(), Variables.NONE);
        assertThat(plain.urlWithDefaults()).contains(new HttpUrl("https://x.example.com/sse"));
    }

    @Test
    void a_remote_with_a_variable_without_default_cannot_be_checked() {
        Remote tenant = new Remote(
                RemoteTransport.STREAMABLE_HTTP,
                new UrlTemplate("https://{tenant}.example.com/mcp"),
                List.of(),
                new Variables(java.util.Map.of("tenant", Input.NONE)));

        assertThat(tenant.urlWithDefaults()).isEmpty();
    }
}
