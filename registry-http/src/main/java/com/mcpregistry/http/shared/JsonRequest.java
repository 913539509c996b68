package com.mcpregistry.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A JSON object request body, read with a hard size bound and taken apart field by field. Every problem with a
 * field is collected, so that the client hears about all of them in one 400 answer.
 */
public final class JsonRequest {
    /** The largest body the API reads, chunked or not. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** How much of an oversized body is read and thrown away, so that the client reads its 413. */
    private static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;

    private final byte[] raw;
    private final ObjectNode body;
    private final Validation validation = new Validation();

    private JsonRequest(byte[] raw, ObjectNode body) {
        this.raw = raw;
        this.body = body;
    }

    /** Reads the body of {@code ctx}: JSON only, at most {@link #MAX_BODY_BYTES}, one object. */
    public static JsonRequest read(Context ctx) {
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
        return new JsonRequest(raw, object);
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

    /**
     * Rejects fields outside {@code allowed}; those in {@code serverOwned} are named as set by the registry, so
     * that a client learns why, and nothing of them is ever applied.
     */
    public JsonRequest allowOnly(Set<String> allowed, Set<String> serverOwned) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (serverOwned.contains(name)) {
                validation.reject(name, "is set by the registry and cannot be sent");
            } else if (!allowed.contains(name)) {
                validation.reject(name, "is not a known field");
            }
        }
        return this;
    }

    public void reject(String field, String message) {
        validation.reject(field, message);
    }

    public boolean has(String field) {
        return body.has(field);
    }

    /** The field's text; empty when absent or null, or (recording the error) when not a string. */
    public Optional<String> text(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            validation.reject(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    /** The field's boolean; empty when absent or null, or (recording the error) when not a boolean. */
    public Optional<Boolean> flag(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            validation.reject(field, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** The field parsed into a value type; empty when absent, null or invalid (the error is recorded). */
    public <T> Optional<T> value(String field, Function<String, T> parse) {
        return text(field).map(text -> validation.check(() -> parse.apply(text)));
    }

    /** Like {@link #value} but the field must be there. */
    public <T> T required(String field, Function<String, T> parse) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            validation.reject(field, "is required");
            return null;
        }
        return value(field, parse).orElse(null);
    }

    /** For a field that may be cleared: empty when absent, an empty inner value when null. */
    public <T> Optional<Optional<T>> clearable(String field, Function<String, T> parse) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        if (body.get(field).isNull()) {
            return Optional.of(Optional.empty());
        }
        return value(field, parse).map(Optional::of);
    }

    /** A list of strings; empty when absent, recording an error when it is not an array of strings. */
    public Optional<List<String>> textList(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            validation.reject(field, "must be an array of strings");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        Iterator<JsonNode> items = node.elements();
        for (int i = 0; items.hasNext(); i++) {
            JsonNode item = items.next();
            if (!item.isTextual()) {
                validation.reject(field + "[" + i + "]", "must be a string");
                return Optional.empty();
            }
            values.add(item.textValue());
        }
        return Optional.of(values);
    }

    /** Builds a value from several fields, recording its error if it is invalid. */
    public <T> T check(Supplier<T> value) {
        return validation.check(value);
    }

    /** Throws one {@link InvalidInput} listing every field error found so far. */
    public void complete() {
        validation.complete();
    }
}
