package com.mcpregistry.mcp.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every connection one check makes: each host is resolved once, its first address judged by the {@link
 * AddressGuard}, and reached only through a {@link PinnedTunnel} to that address. Closing it ends every connection
 * of the check.
 */
public final class CheckEgress implements AutoCloseable {

    private final AddressGuard guard;
    private final HostResolver resolver;
    private final Duration connectTimeout;
    private final Map<String, InetAddress> resolved = new ConcurrentHashMap<>();
    private final List<PinnedTunnel> tunnels = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public CheckEgress(AddressGuard guard, HostResolver resolver, Duration connectTimeout) {
        this.guard = guard;
        this.resolver = resolver;
        this.connectTimeout = connectTimeout;
    }

    /**
     * A tunnel that reaches {@code url}'s host at the one address it resolved to.
     *
     * @throws UnknownHostException when the name does not resolve
     * @throws RefusedAddressException when the address is one a check does not connect to
     */
    public PinnedTunnel tunnelTo(URI url) throws IOException {
        String host = url.getHost();
        boolean tls = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() >= 0 ? url.getPort() : (tls ? 443 : 80);
        InetAddress address = resolve(host);
        Optional<AddressGuard.Refusal> refusal = guard.refusal(address);
        if (refusal.isPresent()) {
            throw new RefusedAddressException(refusal.get());
        }
        PinnedTunnel tunnel = new PinnedTunnel(host, port, tls, new InetSocketAddress(address, port), connectTimeout);
        tunnels.add(tunnel);
        if (closed) {
            tunnel.close();
        }
        return tunnel;
    }

    /** Why a connection to a pinned address failed, if one did. */
    public Optional<IOException> connectFailure() {
        return tunnels.stream()
                .map(PinnedTunnel::connectFailure)
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public void close() {
        closed = true;
        tunnels.forEach(PinnedTunnel::close);
    }

    private InetAddress resolve(String host) throws UnknownHostException {
        String key = host.toLowerCase(Locale.ROOT);
        InetAddress known = resolved.get(key);
        if (known != null) {
            return known;
        }
        List<InetAddress> addresses = resolver.resolve(host.replace("[", "").replace("]", ""));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        InetAddress first = addresses.get(0);
        InetAddress previous = resolved.putIfAbsent(key, first);
        return previous != null ? previous : first;
    }

    /** A host resolved to an address a check does not connect to; no connection was attempted. */
    public static final class RefusedAddressException extends IOException {
        private final transient AddressGuard.Refusal refusal;

        RefusedAddressException(AddressGuard.Refusal refusal) {
            super(refusal.detail());
            this.refusal = refusal;
        }

        public AddressGuard.Refusal refusal() {
            return refusal;
        }
    }
}
