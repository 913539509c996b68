package com.mcpregistry.http.api;

import com.mcpregistry.http.limits.TrustedProxies;
import com.mcpregistry.http.shared.JsonBody;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a request's body as it arrives, without a thread waiting for it, and hands the request to the API once
 * the whole body is in memory ({@link EagerContentHandler} calls it for every request that has a body). The API reads
 * bodies with blocking calls: without this, a client sending one byte every few seconds keeps a request thread for
 * as long as it likes, and a few hundred such clients keep them all, health checks included.
 *
 * <ul>
 *   <li>A body that has not arrived in full within {@link RequestBodyLimits#timeout()} of the request's headers is
 *       answered 408 and its connection closed; so is one whose connection goes idle before.
 *   <li>One client address (an IPv6 client's /64) may have {@link RequestBodyLimits#arrivingPerClient()} bodies
 *       arriving at once; the next one that has to be waited for is answered 429. A body that arrives with its
 *       headers is never counted.
 *   <li>At most one byte more than {@link JsonBody#MAX_BODY_BYTES} is kept (the API answers 413); the rest, up to
 *       {@link JsonBody#MAX_DISCARDED_BYTES}, is read and dropped so that the client reads its 413.
 * </ul>
 *
 * Jetty's own loader ({@link EagerContentHandler.RetainedContentLoaderFactory}) has no deadline and ignores an idle
 * timeout, so a trickling client would keep its connection for ever; and it retains each chunk's network buffer, so
 * many one-byte chunks would hold many buffers. This one copies, and bounds both time and bytes.
 */
final class RequestBodies implements EagerContentHandler.ContentLoaderFactory {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);
    private static final int KEPT_BYTES = JsonBody.MAX_BODY_BYTES + 1;
    private static final int FIRST_BUFFER_BYTES = 8 * 1024;

    private final RequestBodyLimits limits;
    private final TrustedProxies trustedProxies;
    /** How many bodies each client address has arriving; an address with none is not in the map. */
    private final ConcurrentHashMap<String, Integer> arriving = new ConcurrentHashMap<>();

    RequestBodies(RequestBodyLimits limits, TrustedProxies trustedProxies) {
        this.limits = limits;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public String getApplicableMimeType() {
        return null;
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(
            String contentType,
            String mimeType,
            Handler handler,
            Request request,
            Response response,
            Callback callback) {
        if (request.getLength() > JsonBody.MAX_BODY_BYTES
                && request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString())) {
            // The API answers 413 without asking for the body (JsonBody), so the client never sends it.
            return null;
        }
        return new Arrival(handler, request, response, callback);
    }

    /**
     * The client a request counts against, as the rate limits count it: its peer, or the client a trusted proxy
     * names; an IPv6 client as its /64, which one subscriber usually holds whole.
     */
    private String clientOf(Request request) {
        return trustedProxies.clientOf(
                Request.getRemoteAddr(request), request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR));
    }

    /** Counts one more body arriving from {@code client}, unless it has as many as it may. */
    private boolean admit(String client) {
        boolean[] admitted = {false};
        arriving.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limits.arrivingPerClient()) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    private void release(String client) {
        arriving.computeIfPresent(client, (address, count) -> count == 1 ? null : count - 1);
    }

    /** How a body's arrival ended. */
    private enum Ending {
        ARRIVED,
        TOO_SLOW,
        TOO_MANY,
        BROKEN
    }

    /** One request's body on its way in. Its state is guarded by {@code this}: arrivals and the deadline race. */
    private final class Arrival extends EagerContentHandler.ContentLoader implements Invocable.Task {
        private byte[] kept;
        private int keptLength;
        private long discarded;
        /** The client address while this body counts against it; null before it has to be waited for. */
        private String client;

        private Scheduler.Task deadline;
        private boolean over;
        private Throwable failure;

        private Arrival(Handler handler, Request request, Response response, Callback callback) {
            super(handler, request, response, callback);
        }

        @Override
        protected void load() {
            collect(false);
        }

        /** More of the body may have arrived (Jetty calls this on demand, possibly on a network thread). */
        @Override
        public void run() {
            collect(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        /** Takes what has arrived, then waits for more, or ends: hands the body on or refuses it. */
        private void collect(boolean onNetworkThread) {
            Ending ending;
            synchronized (this) {
                ending = over ? null : collectAvailable();
            }
            if (ending == null) {
                return;
            }
            switch (ending) {
                case ARRIVED -> {
                    if (onNetworkThread) {
                        // The API blocks: it runs on a request thread, never on the thread that delivered the bytes.
                        getRequest().getContext().execute(this::handOn);
                    } else {
                        handOn();
                    }
                }
                case TOO_SLOW -> refuseAsTooSlow();
                case TOO_MANY -> refuseAnotherArriving();
                case BROKEN -> getCallback().failed(failure);
            }
        }

        /** How the body ended, or null while it goes on arriving. */
        private Ending collectAvailable() {
            while (true) {
                Content.Chunk chunk = getRequest().read();
                if (chunk == null) {
                    if (client == null && !startWaiting()) {
                        over = true;
                        return Ending.TOO_MANY;
                    }
                    getRequest().demand(this);
                    return null;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    end();
                    failure = chunk.getFailure();
                    // An idle connection (Jetty's idle timeout) is a body too slow like any other.
                    return failure instanceof TimeoutException ? Ending.TOO_SLOW : Ending.BROKEN;
                }
                take(chunk.getByteBuffer());
                chunk.release();
                if (chunk.isLast() || discarded >= JsonBody.MAX_DISCARDED_BYTES) {
                    end();
                    return Ending.ARRIVED;
                }
            }
        }

        /** Counts this body against its client and sets its deadline; false when the client has too many. */
        private boolean startWaiting() {
            String address = clientOf(getRequest());
            if (!admit(address)) {
                return false;
            }
            client = address;
            long left = limits.timeout().toNanos() - NanoTime.since(getRequest().getHeadersNanoTime());
            deadline = getRequest()
                    .getComponents()
                    .getScheduler()
                    .schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
            return true;
        }

        private void take(ByteBuffer bytes) {
            int keep = Math.min(bytes.remaining(), KEPT_BYTES - keptLength);
            if (kept == null || kept.length < keptLength + keep) {
                long declared = getRequest().getLength();
                int wanted = Math.max(
                        keptLength + keep, declared > 0 ? (int) Math.min(declared, KEPT_BYTES) : FIRST_BUFFER_BYTES);
                kept = kept == null
                        ? new byte[wanted]
                        : Arrays.copyOf(kept, Math.min(KEPT_BYTES, Math.max(wanted, kept.length * 2)));
            }
            bytes.get(kept, keptLength, keep);
            keptLength += keep;
            discarded += bytes.remaining();
            bytes.position(bytes.limit());
        }

        /** Marks the body as ended and gives back what it held: its count against the client, its deadline. */
        private void end() {
            over = true;
            if (client != null) {
                release(client);
                deadline.cancel();
            }
        }

        private void expire() {
            synchronized (this) {
                if (over) {
                    return;
                }
                end();
            }
            refuseAsTooSlow();
        }

        private void handOn() {
            handle(new ArrivedBody(getRequest(), kept, keptLength), getResponse(), getCallback());
        }

        private void refuseAsTooSlow() {
            refuse(408, "the request body did not arrive within " + describe(limits.timeout()));
        }

        private void refuseAnotherArriving() {
            getResponse().getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            refuse(
                    429,
                    limits.arrivingPerClient() + " request bodies from this address are still arriving;"
                            + " send the next one when one of them has");
        }

        private void refuse(int status, String detail) {
            LOG.info(
                    "answering {} to {} {} from {}: {}",
                    status,
                    getRequest().getMethod(),
                    getRequest().getHttpURI().getPath(),
                    Request.getRemoteAddr(getRequest()),
                    detail);
            JettyProblems.answer(getRequest(), getResponse(), getCallback(), status, detail);
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " seconds" : duration.toMillis() + " ms";
    }

    /** The request as the API reads it: its body is what arrived, all of it at once. */
    private static final class ArrivedBody extends Request.Wrapper {
        private Content.Chunk body;

        private ArrivedBody(Request request, byte[] bytes, int length) {
            super(request);
            this.body = Content.Chunk.from(ByteBuffer.wrap(bytes == null ? new byte[0] : bytes, 0, length), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = body;
            body = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
