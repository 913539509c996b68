package com.mcpregistry.mcp.egress;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a check may connect to an address: every address outside the public internet is refused (loopback,
 * private, unique-local, shared, link-local, cloud metadata, multicast, documentation, reserved…), IPv6 forms that
 * carry an IPv4 address (mapped, compatible, NAT64, 6to4) by the IPv4 address they carry, unless an allowed network
 * contains it. A cloud metadata address is only allowed by a network that is that single address, so that allowing
 * a wider range (say 169.254.0.0/16 for a lab) never opens the metadata service.
 */
public final class AddressGuard {

    private static final IPAddressGenerator ADDRESSES = new IPAddressGenerator();

    /** Most specific first: the first range that contains an address names its class. */
    private static final List<Map.Entry<IPAddress, AddressClass>> RANGES = ranges(
            // Cloud metadata services: AWS, Azure, GCP, Oracle (IPv4 and 192.0.0.192), AWS ECS, AWS DNS, Alibaba,
            // AWS IPv6.
            "169.254.169.254/32 CLOUD_METADATA",
            "169.254.170.2/32 CLOUD_METADATA",
            "169.254.169.253/32 CLOUD_METADATA",
            "192.0.0.192/32 CLOUD_METADATA",
            "100.100.100.200/32 CLOUD_METADATA",
            "fd00:ec2::254/128 CLOUD_METADATA",
            "fd00:ec2::253/128 CLOUD_METADATA",
            "255.255.255.255/32 BROADCAST",
            "0.0.0.0/8 UNSPECIFIED",
            "127.0.0.0/8 LOOPBACK",
            "10.0.0.0/8 PRIVATE",
            "172.16.0.0/12 PRIVATE",
            "192.168.0.0/16 PRIVATE",
            "100.64.0.0/10 SHARED",
            "169.254.0.0/16 LINK_LOCAL",
            "192.0.0.0/24 RESERVED",
            "192.0.2.0/24 DOCUMENTATION",
            "198.51.100.0/24 DOCUMENTATION",
            "203.0.113.0/24 DOCUMENTATION",
            "198.18.0.0/15 BENCHMARK",
            "192.88.99.0/24 RESERVED",
            "224.0.0.0/4 MULTICAST",
            "240.0.0.0/4 RESERVED",
            "::/128 UNSPECIFIED",
            "::1/128 LOOPBACK",
            "fe80::/10 LINK_LOCAL",
            "fec0::/10 PRIVATE",
            "fc00::/7 UNIQUE_LOCAL",
            "ff00::/8 MULTICAST",
            "2001:db8::/32 DOCUMENTATION",
            "3fff::/20 DOCUMENTATION",
            "2001:2::/48 BENCHMARK",
            "100::/64 RESERVED",
            "2001::/32 TUNNEL",
            // Whatever is left of ::/8 (IPv4-compatible forms are unwrapped before this) is not routable.
            "::/8 RESERVED");

    private static final IPAddress LOCAL_NAT64 = network("64:ff9b:1::/48");

    private final List<IPAddress> allowedNetworks;

    /**
     * @param allowedNetworks CIDRs ("127.0.0.0/8", "fd00::/8") or single addresses whose addresses a check may
     *     connect to although their class is refused
     * @throws IllegalArgumentException naming every entry that is not a network
     */
    public AddressGuard(List<String> allowedNetworks) {
        List<IPAddress> networks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String cidr : allowedNetworks) {
            try {
                networks.add(new IPAddressString(cidr.strip()).toAddress().toPrefixBlock());
            } catch (AddressStringException | RuntimeException e) {
                problems.add("'" + cidr + "' is not a network (CIDR) or address");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.allowedNetworks = List.copyOf(networks);
    }

    /** Why a check may not connect to {@code address}, or empty when it may. */
    public Optional<Refusal> refusal(InetAddress address) {
        IPAddress ip = ADDRESSES.from(address);
        Optional<IPAddress> carried = carriedIPv4(ip);
        IPAddress judged = carried.orElse(ip);
        Optional<AddressClass> refusedClass = classOf(judged);
        if (refusedClass.isEmpty()) {
            return Optional.empty();
        }
        AddressClass addressClass = refusedClass.get();
        if (allowed(ip, addressClass) || carried.isPresent() && allowed(judged, addressClass)) {
            return Optional.empty();
        }
        String words = carried.map(v4 -> " (it carries " + v4 + ", " + addressClass.words() + ")")
                .orElse("");
        return Optional.of(new Refusal(
                addressClass,
                carried.isPresent()
                        ? ip + " is an IPv6 form of an IPv4 address" + words
                        : ip + " is " + addressClass.words()));
    }

    /** The class of a refused address, or empty for a public one; IPv6 forms are not unwrapped here. */
    static Optional<AddressClass> classOf(IPAddress ip) {
        for (Map.Entry<IPAddress, AddressClass> range : RANGES) {
            if (range.getKey().getIPVersion() == ip.getIPVersion()
                    && range.getKey().contains(ip)) {
                return Optional.of(range.getValue());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address stands for: mapped, compatible, NAT64 (well-known and local-use), 6to4. */
    private static Optional<IPAddress> carriedIPv4(IPAddress ip) {
        if (!ip.isIPv6()) {
            return Optional.empty();
        }
        IPv6Address v6 = ip.toIPv6();
        if (v6.isIPv4Mapped() || v6.isWellKnownIPv4Translatable() || LOCAL_NAT64.contains(v6)) {
            return Optional.of(v6.getEmbeddedIPv4Address());
        }
        if (v6.isIPv4Compatible() && !v6.isLoopback() && !v6.isZero()) {
            return Optional.of(v6.getEmbeddedIPv4Address());
        }
        if (v6.is6To4()) {
            return Optional.of(v6.get6To4IPv4Address());
        }
        return Optional.empty();
    }

    private boolean allowed(IPAddress ip, AddressClass addressClass) {
        return allowedNetworks.stream()
                .filter(network -> network.getIPVersion() == ip.getIPVersion())
                .filter(network -> addressClass != AddressClass.CLOUD_METADATA
                        || network.getCount().equals(BigInteger.ONE))
                .anyMatch(network -> network.contains(ip));
    }

    private static List<Map.Entry<IPAddress, AddressClass>> ranges(String... lines) {
        List<Map.Entry<IPAddress, AddressClass>> ranges = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            ranges.add(Map.entry(network(parts[0]), AddressClass.valueOf(parts[1])));
        }
        return List.copyOf(ranges);
    }

    private static IPAddress network(String cidr) {
        try {
            return new IPAddressString(cidr).toAddress().toPrefixBlock();
        } catch (AddressStringException e) {
            throw new IllegalStateException("a constant network is valid: " + cidr, e);
        }
    }

    /** A refused address: its class, and a sentence naming it for the check's report. */
    public record Refusal(AddressClass addressClass, String detail) {}
}
