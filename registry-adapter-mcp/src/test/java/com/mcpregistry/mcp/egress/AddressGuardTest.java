package com.mcpregistry.mcp.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard nothingAllowed = new AddressGuard(List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "::, UNSPECIFIED",
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "::1, LOOPBACK",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "fec0::1, PRIVATE",
        "fc00::1, UNIQUE_LOCAL",
        "fd12:3456::1, UNIQUE_LOCAL",
        "100.64.0.1, SHARED",
        "100.127.255.254, SHARED",
        "169.254.1.1, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "169.254.169.254, CLOUD_METADATA",
        "169.254.170.2, CLOUD_METADATA",
        "100.100.100.200, CLOUD_METADATA",
        "192.0.0.192, CLOUD_METADATA",
        "fd00:ec2::254, CLOUD_METADATA",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "255.255.255.255, BROADCAST",
        "192.0.2.1, DOCUMENTATION",
        "198.51.100.7, DOCUMENTATION",
        "203.0.113.9, DOCUMENTATION",
        "2001:db8::1, DOCUMENTATION",
        "198.18.0.1, BENCHMARK",
        "198.19.255.1, BENCHMARK",
        "2001:2::1, BENCHMARK",
        "240.0.0.1, RESERVED",
        "192.0.0.8, RESERVED",
        "100::1, RESERVED",
        "2001::1, TUNNEL",
        // IPv6 forms that carry an IPv4 address are judged by it.
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:169.254.169.254, CLOUD_METADATA",
        "::ffff:10.0.0.1, PRIVATE",
        "::127.0.0.1, LOOPBACK",
        "::10.0.0.1, PRIVATE",
        "64:ff9b::7f00:1, LOOPBACK",
        "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
        "64:ff9b:1::a00:1, PRIVATE",
        "2002:7f00:1::1, LOOPBACK",
        "2002:a9fe:a9fe::1, CLOUD_METADATA",
    })
    void refuses_every_address_outside_the_public_internet(String address, AddressClass expected)
            throws UnknownHostException {
        Optional<AddressGuard.Refusal> refusal = nothingAllowed.refusal(InetAddress.getByName(address));

        assertThat(refusal).get().extracting(AddressGuard.Refusal::addressClass).isEqualTo(expected);
        assertThat(refusal.get().detail()).contains(expected.words());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void lets_public_addresses_through(String address) throws UnknownHostException {
        assertThat(nothingAllowed.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void an_allowed_network_lets_its_addresses_through_and_no_others() throws UnknownHostException {
        AddressGuard loopbackAllowed = new AddressGuard(List.of("127.0.0.0/8", "fd00:1::/32"));

        assertThat(loopbackAllowed.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("::ffff:127.0.0.1")))
                .isEmpty();
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("fd00:1::5"))).isEmpty();
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("::1"))).isPresent();
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
    }

    @Test
    void a_wide_allowed_network_does_not_open_the_metadata_service_but_the_single_address_does()
            throws UnknownHostException {
        InetAddress metadata = InetAddress.getByName("169.254.169.254");

        assertThat(new AddressGuard(List.of("169.254.0.0/16")).refusal(metadata))
                .isPresent();
        assertThat(new AddressGuard(List.of("169.254.0.0/16")).refusal(InetAddress.getByName("169.254.1.1")))
                .isEmpty();
        assertThat(new AddressGuard(List.of("169.254.169.254/32")).refusal(metadata))
                .isEmpty();
    }

    @Test
    void names_every_entry_that_is_not_a_network() {
        assertThatThrownBy(() -> new AddressGuard(List.of("10.0.0.0/8", "banana", "10.0.0.0/99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'banana'")
                .hasMessageContaining("'10.0.0.0/99'")
                .message()
                .doesNotContain("'10.0.0.0/8'");
    }
}
