package com.mcpregistry.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {
    private final TrustedProxies gateway = TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

    @Test
    void the_client_is_the_peer_when_no_proxy_is_trusted_whatever_x_forwarded_for_says() {
        assertThat(TrustedProxies.none().clientOf("198.51.100.7", List.of("203.0.113.1")))
                .isEqualTo("198.51.100.7");
        assertThat(gateway.clientOf("198.51.100.7", List.of("203.0.113.1")))
                .as("a peer that is no trusted proxy")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void behind_trusted_proxies_the_client_is_the_right_most_untrusted_address() {
        assertThat(gateway.clientOf("10.1.2.3", List.of("203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(gateway.clientOf("10.1.2.3", List.of("6.6.6.6, 203.0.113.1, 192.0.2.10")))
                .isEqualTo("203.0.113.1");
        assertThat(gateway.clientOf("10.1.2.3", List.of("6.6.6.6", "203.0.113.1, 10.9.9.9")))
                .as("several headers are one list")
                .isEqualTo("203.0.113.1");
        assertThat(gateway.clientOf("10.1.2.3", List.of()))
                .as("a trusted proxy that names nobody is the client")
                .isEqualTo("10.1.2.3");
        assertThat(gateway.clientOf("10.1.2.3", List.of("10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    @Test
    void an_entry_no_trusted_proxy_writes_ends_the_chain_at_the_last_trusted_hop() {
        assertThat(gateway.clientOf("10.1.2.3", List.of("203.0.113.1, unknown")))
                .isEqualTo("10.1.2.3");
        assertThat(gateway.clientOf("10.1.2.3", List.of("evil.example, 192.0.2.10")))
                .isEqualTo("192.0.2.10");
    }

    @Test
    void ports_and_brackets_are_not_part_of_the_address() {
        assertThat(gateway.clientOf("10.1.2.3", List.of("203.0.113.1:5123"))).isEqualTo("203.0.113.1");
        assertThat(gateway.clientOf("[fd00::1]", List.of("[2001:db8:1:2:3:4:5:6]:443")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void an_ipv6_client_counts_as_its_slash_64_network() {
        assertThat(TrustedProxies.none().clientOf("2001:db8:aa:bb:1:2:3:4", List.of()))
                .isEqualTo(TrustedProxies.none().clientOf("2001:db8:aa:bb:ffff:ffff:ffff:ffff", List.of()))
                .isEqualTo("2001:db8:aa:bb:0:0:0:0/64");
        assertThat(TrustedProxies.none().clientOf("::ffff:198.51.100.7", List.of()))
                .as("an IPv4 address written as IPv6 is the IPv4 client")
                .isEqualTo("198.51.100.7");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"proxy.contoso.example", "10.0.0.0/33", "10.0.0.0/", "256.1.1.1", "fd00::/129", "10.0.0.1/8/8"})
    void an_entry_that_is_neither_an_address_nor_a_network_is_refused_by_name(String entry) {
        assertThatThrownBy(() -> TrustedProxies.of(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }
}
