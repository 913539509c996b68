package com.mcpregistry.mcp.egress;

/** The kinds of address a check refuses to connect to, each with the words a report uses for it. */
public enum AddressClass {
    UNSPECIFIED("an unspecified address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private (RFC 1918) address"),
    UNIQUE_LOCAL("a unique-local IPv6 address"),
    SHARED("a carrier-grade NAT (shared, RFC 6598) address"),
    LINK_LOCAL("a link-local address"),
    CLOUD_METADATA("a cloud metadata address"),
    MULTICAST("a multicast address"),
    BROADCAST("the broadcast address"),
    DOCUMENTATION("a documentation address"),
    BENCHMARK("a benchmarking address"),
    RESERVED("a reserved address"),
    TUNNEL("a tunnelled IPv6 address (Teredo) whose IPv4 end cannot be checked");

    private final String words;

    AddressClass(String words) {
        this.words = words;
    }

    /** How a report names the class: "a loopback address". */
    public String words() {
        return words;
    }
}
