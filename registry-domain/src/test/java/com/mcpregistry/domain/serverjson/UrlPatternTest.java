package com.mcpregistry.domain.serverjson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPatternTest {

    @ParameterizedTest
    @CsvSource({
        "https://mcp.example.com/mcp, https://mcp.example.com/mcp",
        "https://MCP.Example.COM/Mcp, https://mcp.example.com/Mcp",
        "https://mcp.example.com, https://mcp.example.com/",
        "https://mcp.example.com:443/mcp, https://mcp.example.com/mcp",
        "http://mcp.example.com:80/mcp, http://mcp.example.com/mcp",
        "https://mcp.example.com:8443/mcp, https://mcp.example.com:8443/mcp",
        "https://mcp.example.com/a/../mcp/./x, https://mcp.example.com/mcp/x",
        "https://mcp.example.com/mcp/, https://mcp.example.com/mcp/",
        "https://mcp.example.com/mcp?, https://mcp.example.com/mcp",
        "https://mcp.example.com/mcp?tenant=A, https://mcp.example.com/mcp?tenant=A",
        "https://mcp.example.com?x=1, https://mcp.example.com/?x=1",
        "https://{tenant_id}.Example.com/mcp, https://*.example.com/mcp",
        "https://mcp.example.com:{port}/{path}/mcp, https://mcp.example.com:*/*/mcp",
    })
    void a_url_as_fetched_is_in_the_form_a_url_parser_gives_it_with_wildcards_for_variables(
            String url, String pattern) {
        assertThat(UrlPattern.asFetched(new UrlTemplate(url)).value()).isEqualTo(pattern);
    }

    @Test
    void a_url_as_written_keeps_every_character_but_its_variables() {
        assertThat(UrlPattern.asWritten(new UrlTemplate("https://{tenant}.Example.com:443/mcp/"))
                        .value())
                .isEqualTo("https://*.Example.com:443/mcp/");
        assertThat(UrlPattern.asWritten(new UrlTemplate("https://mcp.example.com"))
                        .hasWildcard())
                .isFalse();
    }

    @Test
    void a_pattern_may_match_any_text_for_a_wildcard_regardless_of_case() {
        UrlPattern tenants = new UrlPattern("https://*.example.com/mcp");

        assertThat(tenants.mayMatch("https://API.example.com/mcp")).isTrue();
        assertThat(tenants.mayMatch("https://a.b.example.com/mcp")).isTrue();
        assertThat(tenants.mayMatch("https://example.com/mcp")).isFalse();
        assertThat(tenants.mayMatch("https://api.example.com/mcp/x")).isFalse();
        assertThat(new UrlPattern("https://a.example.com/(mcp)+").mayMatch("https://a.example.com/(mcp)+"))
                .as("the rest of the pattern is taken literally")
                .isTrue();
    }
}
