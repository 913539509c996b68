package com.mcpregistry.http.publication;

import com.mcpregistry.http.shared.IfNoneMatch;
import com.mcpregistry.http.shared.Json;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Answers a GET with a JSON body that clients may cache for a short while: a weak entity tag derived from the body
 * (the same answer always has the same tag, on any instance), {@code 304 Not Modified} when the client's
 * {@code If-None-Match} names it, and {@code Cache-Control}.
 */
final class CacheableJson {

    private final String cacheControl;

    /** {@code shared}: whether caches between clients (proxies, CDNs) may keep the answer too. */
    CacheableJson(boolean shared, int maxAgeSeconds) {
        this.cacheControl = (shared ? "public" : "private") + ", max-age=" + maxAgeSeconds;
    }

    void respond(Context ctx, Object body) {
        byte[] json = Json.writeBytes(body);
        String etag = etagOf(json);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        if (IfNoneMatch.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType("application/json").result(json);
    }

    /**
     * A weak tag: the answer may be sent compressed, and then its bytes differ while its meaning does not. 64 bits
     * from CRC-32C and CRC-32 of the body, which the processor computes (a cryptographic digest cost a fifth of a
     * catalogue page's CPU): enough to tell the versions of one answer apart, and nothing here needs a tag that
     * resists deliberately made collisions, since anyone may read every answer anyway.
     */
    static String etagOf(byte[] body) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(body);
        CRC32 ieee = new CRC32();
        ieee.update(body);
        long tag = castagnoli.getValue() << 32 | ieee.getValue();
        return "W/\""
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(ByteBuffer.allocate(8).putLong(tag).array()) + "\"";
    }
}
