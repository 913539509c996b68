package com.mcpregistry.http.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies (load balancers, gateways) whose {@code X-Forwarded-For} the registry believes, as addresses or CIDR
 * networks ({@code TRUSTED_PROXIES}). A request's client is its TCP peer unless that peer is a trusted proxy; then it
 * is the right-most address of {@code X-Forwarded-For} that is not a trusted proxy, since every address left of it
 * was written by someone the registry does not trust, possibly the client itself.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::\\d{1,5})?");

    private final List<Network> networks;

    /** An address and how many of its leading bits a member shares with it. */
    private record Network(byte[] address, int prefixBits) {
        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != address.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (bytes[whole] & mask) == (address[whole] & mask);
        }
    }

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /** No proxy is trusted: every client is its TCP peer. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * The proxies in {@code entries}, each an IPv4 or IPv6 address or a CIDR network ({@code 10.0.0.0/8},
     * {@code fd00::/8}).
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies of(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String entry : entries) {
            networks.add(network(entry.trim()));
        }
        return new TrustedProxies(networks);
    }

    private static Network network(String entry) {
        String[] parts = entry.split("/", -1);
        InetAddress address = literal(parts[0])
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + entry + "' is neither an IP address nor a CIDR network such as 10.0.0.0/8"));
        int maxBits = address.getAddress().length * 8;
        if (parts.length == 1) {
            return new Network(address.getAddress(), maxBits);
        }
        if (parts.length == 2 && parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= maxBits) {
            return new Network(address.getAddress(), Integer.parseInt(parts[1]));
        }
        throw new IllegalArgumentException(
                "'" + entry + "' has no valid prefix length (0 to " + maxBits + ") after its '/'");
    }

    /** Whether no proxy is trusted. */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * The client of a request from {@code peer} carrying these {@code X-Forwarded-For} values (each may list several
     * addresses, the nearest proxy's last), as an address; an IPv6 client as its /64 network, the smallest block one
     * subscriber commonly gets, so that one client cannot become 2^64 clients.
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        InetAddress client = literal(withoutPort(peer.trim())).orElse(null);
        if (client == null) {
            return peer;
        }
        if (trusts(client) && !forwardedFor.isEmpty()) {
            List<String> hops = new ArrayList<>();
            forwardedFor.forEach(header -> hops.addAll(Arrays.asList(header.split(","))));
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(withoutPort(hops.get(i).trim()));
                if (hop.isEmpty()) {
                    // Not an address a trusted proxy writes: the last trusted hop is as far as the chain is known.
                    break;
                }
                client = hop.get();
                if (!trusts(client)) {
                    break;
                }
            }
        }
        return subject(client);
    }

    private boolean trusts(InetAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    private static String subject(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return client.getHostAddress();
    }

    private static String withoutPort(String hop) {
        var bracketed = BRACKETED_IPV6.matcher(hop);
        if (bracketed.matches()) {
            return bracketed.group(1);
        }
        var withPort = IPV4_WITH_PORT.matcher(hop);
        return withPort.matches() ? withPort.group(1) : hop;
    }

    /** {@code text} as an address when it is an IP address literal; never a name lookup. */
    private static Optional<InetAddress> literal(String text) {
        String candidate = text.toLowerCase(Locale.ROOT);
        boolean ipv4 = IPV4.matcher(candidate).matches()
                && Arrays.stream(candidate.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean ipv6 = candidate.contains(":") && candidate.matches("[0-9a-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // A literal: InetAddress parses it without asking DNS.
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
