package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizedEndpointTest {

    private static String normalized(String url) {
        return NormalizedEndpoint.of(new HttpUrl(url)).value();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = ' ',
            value = {
                "https://ledger.contoso.com/mcp https://ledger.contoso.com/mcp",
                "HTTPS://LEDGER.Contoso.COM/mcp https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com:443/mcp https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com:0443/mcp https://ledger.contoso.com/mcp",
                "http://ledger.contoso.com:80/mcp http://ledger.contoso.com/mcp",
                "https://ledger.contoso.com:/mcp https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com:80/mcp https://ledger.contoso.com:80/mcp",
                "http://ledger.contoso.com:443/mcp http://ledger.contoso.com:443/mcp",
                "https://ledger.contoso.com/mcp/ https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/mcp// https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com https://ledger.contoso.com/",
                "https://ledger.contoso.com/ https://ledger.contoso.com/",
                "https://ledger.contoso.com/mcp? https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/mcp/? https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/mcp#tools https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/mcp# https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com./mcp https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/%6D%63%70 https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/%7euser/%2d%2E%5F https://ledger.contoso.com/~user/-._",
                "https://ledger.contoso.com/a%2fb https://ledger.contoso.com/a%2Fb",
                "https://ledger.contoso.com/mcp?q=%c3%a9 https://ledger.contoso.com/mcp?q=%C3%A9",
                "https://ledger.contoso.com/caf\u00e9 https://ledger.contoso.com/caf%C3%A9",
                "https://ledger.contoso.com/./mcp https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/tools/../mcp https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/a/b/../../mcp/. https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/%2E%2E/mcp https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com/v1.0/mcp https://ledger.contoso.com/v1.0/mcp",
                "https://ledger.contoso.com/a//b https://ledger.contoso.com/a//b",
                "https://ledger.contoso.com/MCP?Tenant=A https://ledger.contoso.com/MCP?Tenant=A",
                "https://XN--BCHER-KVA.example/mcp https://xn--bcher-kva.example/mcp",
                "https://[::1]:443/mcp https://[::1]/mcp",
                "http://10.0.0.5:8080 http://10.0.0.5:8080/",
            })
    void spellings_of_one_endpoint_normalise_alike(String url, String expected) {
        assertThat(normalized(url)).isEqualTo(expected);
        assertThat(normalized(expected)).as("normalising is idempotent").isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://ledger.contoso.com/mcp#tools",
                "https://ledger.contoso.com/mcp#",
                "https://ledger.contoso.com:0/mcp",
                "https://ledger.contoso.com:65536/mcp",
                "https://ledger.contoso.com:99999/mcp",
                "HTTPS://ledger.contoso.com/mcp",
                "Http://ledger.contoso.com/mcp",
            })
    void an_endpoint_has_a_lower_case_scheme_no_fragment_and_a_port_from_1_to_65535(String url) {
        assertRejected("endpoint_url", () -> NormalizedEndpoint.requireUsable("endpoint_url", new HttpUrl(url)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://ledger.contoso.com/mcp",
                "https://ledger.contoso.com:1/mcp",
                "https://ledger.contoso.com:65535/mcp?q=1",
                "http://[::1]:8080/mcp",
            })
    void usable_endpoints_pass(String url) {
        assertThatCode(() -> NormalizedEndpoint.requireUsable("endpoint_url", new HttpUrl(url)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://b\u00fccher.example/mcp", "https://ledger.contoso.com:99999999999/mcp"})
    void a_host_outside_ascii_or_a_port_beyond_any_number_is_refused_by_name(String url) {
        assertRejected("endpoint_url", () -> HttpUrl.of("endpoint_url", url));
    }
}
