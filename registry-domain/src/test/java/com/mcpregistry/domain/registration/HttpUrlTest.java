package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://ledger.contoso.com/mcp",
                "http://localhost:8080/mcp",
                "https://ledger.contoso.com",
                "HTTPS://LEDGER.CONTOSO.COM/MCP",
                "https://10.0.0.5:8443/sse?tenant=finance#top",
                "http://[::1]:8443/mcp",
                "https://xn--bcher-kva.example/mcp",
            })
    void accepts_absolute_http_and_https_urls(String value) {
        assertThat(new HttpUrl(value).value()).isEqualTo(value);
        assertThat(HttpUrl.of("endpoint_url", value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://files.contoso.com/mcp",
                "javascript:alert(1)",
                "file:///etc/passwd",
                "mailto:someone@contoso.com",
                "data:text/plain,hello",
                "ws://ledger.contoso.com/mcp",
                "/mcp",
                "mcp",
                "ledger.contoso.com/mcp",
                "//ledger.contoso.com/mcp",
                "https:ledger.contoso.com",
                "https:/mcp",
                "https:///mcp",
                "https://",
                "https://ledger contoso.com/mcp",
                "https://ledger.contoso.com/m cp",
                "http://exa^mple.com/",
            })
    void rejects_other_schemes_relative_urls_and_urls_without_a_host(String value) {
        assertRejected("endpoint_url", () -> HttpUrl.of("endpoint_url", value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://alice:secret@ledger.contoso.com/mcp",
                "https://alice@ledger.contoso.com/mcp",
                "https://:secret@ledger.contoso.com/mcp",
                "http://token@localhost:8080/",
            })
    void rejects_credentials_in_the_url(String value) {
        assertRejected("repository_url", () -> HttpUrl.of("repository_url", value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void a_url_is_required(String value) {
        assertRejected("documentation_url", () -> HttpUrl.of("documentation_url", value));
    }

    @Test
    void two_thousand_forty_eight_characters_is_the_longest_url() {
        String prefix = "https://ledger.contoso.com/";
        String longest = prefix + "a".repeat(2048 - prefix.length());
        assertThat(longest).hasSize(2048);
        assertThat(HttpUrl.of("endpoint_url", longest).value()).isEqualTo(longest);

        assertRejected("endpoint_url", () -> HttpUrl.of("endpoint_url", longest + "a"));
    }

    @Test
    void the_constructor_names_the_generic_url_field() {
        assertRejected("url", () -> new HttpUrl("ftp://files.contoso.com/"));
    }
}
