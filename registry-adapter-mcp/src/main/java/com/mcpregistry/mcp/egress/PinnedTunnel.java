package com.mcpregistry.mcp.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The only way out of a check: a forward proxy on loopback, for one check, that the check's {@code HttpClient} is
 * given as its proxy, and that connects every connection it relays to the one address the guard accepted — never to
 * a name, so no DNS answer given after the check can move the connection (no rebinding).
 *
 * <p>The JDK's {@code HttpClient} cannot be handed a resolver or told to connect to an address while keeping the
 * host name, but it does speak to proxies: for {@code https} it opens a {@code CONNECT host:port} tunnel, so TLS,
 * SNI and the certificate's host name check stay end to end with the original name; for {@code http} it sends
 * requests in absolute form ({@code GET http://host/path}, with the original {@code Host}), which every HTTP/1.1
 * server accepts (RFC 9112 §3.2.2). A {@code CONNECT} to any other host or port is refused.
 */
public final class PinnedTunnel implements AutoCloseable {

    private static final int MAX_CONNECT_REQUEST_BYTES = 8 * 1024;

    private final String host;
    private final int port;
    private final boolean tls;
    private final InetSocketAddress pinned;
    private final int connectTimeoutMillis;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicReference<IOException> connectFailure = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * Opens the tunnel for {@code host:port} (as the URL names them), relaying to {@code pinned} only.
     *
     * @param tls whether the URL is {@code https} (the client then asks for a {@code CONNECT} tunnel)
     */
    public PinnedTunnel(String host, int port, boolean tls, InetSocketAddress pinned, Duration connectTimeout)
            throws IOException {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.pinned = pinned;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "probe-tunnel-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy selector to give the check's {@code HttpClient}: every request goes through this tunnel. */
    public ProxySelector proxySelector() {
        return ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
    }

    /** Why the connection to the pinned address failed, if it did (refused, timed out, unroutable). */
    public Optional<IOException> connectFailure() {
        return Optional.ofNullable(connectFailure.get());
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        sockets.forEach(PinnedTunnel::closeQuietly);
        sockets.clear();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                track(client);
                Thread relay = new Thread(() -> relay(client), "probe-tunnel-relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                // The listener is closed when the check ends; anything else also ends this tunnel's life.
                close();
            }
        }
    }

    private void relay(Socket client) {
        try {
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            if (tls && !acceptConnect(fromClient, toClient)) {
                closeQuietly(client);
                return;
            }
            Socket upstream = new Socket();
            track(upstream);
            try {
                upstream.connect(pinned, connectTimeoutMillis);
            } catch (IOException e) {
                connectFailure.compareAndSet(null, e);
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            if (tls) {
                toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                toClient.flush();
            }
            Thread back = new Thread(() -> pump(upstream, client), "probe-tunnel-pump");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Reads the client's {@code CONNECT} request; true when it names the URL's host and port. */
    private boolean acceptConnect(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0 || head.size() >= MAX_CONNECT_REQUEST_BYTES) {
                return false;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String requestLine =
                head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        String[] parts = requestLine.split(" ");
        boolean expected = parts.length == 3 && parts[0].equals("CONNECT") && sameAuthority(parts[1]);
        if (!expected) {
            out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return expected;
    }

    private boolean sameAuthority(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String requestedHost = authority.substring(0, colon).replace("[", "").replace("]", "");
        return requestedHost
                        .toLowerCase(Locale.ROOT)
                        .equals(host.replace("[", "").replace("]", "").toLowerCase(Locale.ROOT))
                && authority.substring(colon + 1).equals(Integer.toString(port));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // One side went away (or the check ended): the relay is over for both.
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void track(Socket socket) {
        sockets.add(socket);
        if (closed) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // A socket of a tunnel that is shutting down: the check's outcome is already decided elsewhere.
            return;
        }
    }
}
