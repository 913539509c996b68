package com.mcpregistry.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.error.InvalidInput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** A JSON object request body, read with a hard size bound (413 past it), and its fingerprint. */
public final class JsonBody {
    /** The largest body the API reads, chunked or not. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** How much of an oversized body is read and thrown away, so that the client reads its 413. */
    public static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;

    private final byte[] raw;
    private final ObjectNode body;

    private JsonBody(byte[] raw, ObjectNode body) {
        this.raw = raw;
        this.body = body;
    }

    /** Reads the body of {@code ctx}: JSON only, at most {@link #MAX_BODY_BYTES}, one object. */
    public static JsonBody read(Context ctx) {
        requireJson(ctx.contentType());
        byte[] raw = readBounded(ctx);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw InvalidInput.of("body", "must be a JSON object");
        }
        return new JsonBody(raw, object);
    }

    private static void requireJson(String contentType) {
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!(mediaType.equals("application/json") || mediaType.matches("application/[a-z0-9.+-]+\\+json"))) {
            throw HttpProblem.unsupportedMediaType(contentType);
        }
    }

    private static byte[] readBounded(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        boolean waitingForContinue = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
        if (declared > MAX_BODY_BYTES && (waitingForContinue || declared > MAX_DISCARDED_BYTES)) {
            throw HttpProblem.payloadTooLarge(MAX_BODY_BYTES);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                discardRest(in);
                throw HttpProblem.payloadTooLarge(MAX_BODY_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw new HttpProblem(400, "Bad Request", "the request body could not be read");
        }
    }

    /**
     * Reads and throws away what is left of an oversized body, up to {@link #MAX_DISCARDED_BYTES}, before the 413:
     * a client still sending when the server answers and closes may have its connection reset before it reads the
     * answer (RFC 9112 §9.6). A client waiting for {@code 100 Continue} has sent nothing yet, so it is answered
     * before the body is opened (opening it would tell the client to send), as is one announcing a larger body.
     */
    private static void discardRest(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        int read;
        while (discarded < MAX_DISCARDED_BYTES && (read = in.read(buffer)) != -1) {
            discarded += read;
        }
    }

    /** A SHA-256 of the body as sent, to recognise a retried request. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The body as JSON, for a reader of a whole document (server.json). */
    public ObjectNode json() {
        return body.deepCopy();
    }

    /** The body's fields, to be taken apart one by one. */
    public JsonForm form() {
        return new JsonForm(body);
    }
}
