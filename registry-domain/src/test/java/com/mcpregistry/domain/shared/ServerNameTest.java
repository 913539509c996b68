package com.mcpregistry.domain.shared;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "com.contoso.finance/ledger-tools",
                "a/b",
                "A-1.x/_._-",
                "io.github.user-name/server_v2.1",
                "0/9",
            })
    void accepts_a_reverse_dns_namespace_a_slash_and_a_name(String value) {
        assertThat(new ServerName(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "ledger-tools",
                "com.contoso/ledger/tools",
                "/ledger",
                "com.contoso/",
                "com contoso/ledger",
                "com.contoso/ledger tools",
                "com_contoso/ledger",
                "com.contoso/ledger@1",
                "cöm.contoso/ledger",
                "com.contoso\\ledger",
                "com.contoso/ledger\n",
                " com.contoso/ledger",
                "a/",
                "ab",
            })
    void rejects_names_outside_the_pattern(String value) {
        assertRejected("server_name", () -> new ServerName(value));
    }

    @Test
    void three_characters_is_the_shortest_name() {
        assertThat(new ServerName("a/b").value()).hasSize(3);
        assertRejected("server_name", () -> new ServerName("a/"));
        assertRejected("server_name", () -> new ServerName("/b"));
    }

    @Test
    void two_hundred_characters_is_the_longest_name() {
        String longest = "a".repeat(98) + "/" + "b".repeat(101);
        assertThat(longest).hasSize(200);
        assertThat(new ServerName(longest).value()).isEqualTo(longest);

        String tooLong = longest + "b";
        assertRejected("server_name", () -> new ServerName(tooLong));
    }
}
