package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
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

    @Test
    void the_shortcut_for_plain_urls_accepts_only_what_the_parsed_rule_accepts() {
        // Random URLs assembled from the parts where the two could disagree: schemes, host names with odd labels,
        // ports, user info, IP literals, escapes, queries, fragments.
        String[] schemes = {"http://", "https://", "HTTP://", "ftp://", "http:/", "http:", "", "https:///"};
        String host = "aaaabbbb9999--...._@:[]%";
        String rest = "/////aabb99-._~?=&#%@:+ ";
        Random random = new Random(20_240_611);
        int plain = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder url = new StringBuilder(schemes[random.nextInt(schemes.length)]);
            for (int j = random.nextInt(9); j > 0; j--) {
                url.append(host.charAt(random.nextInt(host.length())));
            }
            for (int j = random.nextInt(9); j > 0; j--) {
                url.append(rest.charAt(random.nextInt(rest.length())));
            }
            String candidate = url.toString();
            if (HttpUrl.isPlain(candidate)) {
                plain++;
                assertThatCode(() -> HttpUrl.checkParsed("url", candidate))
                        .as(candidate)
                        .doesNotThrowAnyException();
            }
        }
        assertThat(plain).as("plain URLs among the samples").isGreaterThan(1_000);
        assertThat(HttpUrl.isPlain("https://srv12.mcp.bench.example:8443/mcp/v1?team=7&x=y"))
                .isTrue();
    }
}
