package com.mcpregistry.http.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The one HTTP client of the tests that call a registry on loopback, whether registry-http's {@code StartedApi}
 * or registry-app's {@code RunningRegistry}: requests with a bearer token and JSON bodies, answers read as JSON.
 * Every answer of {@link #send(HttpRequest.Builder)} and the methods built on it passes the check the owner gives
 * (e.g. "never a 500, errors as problem+json"); {@link #sendUnchecked} skips it.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntSupplier port;
    private final Consumer<HttpResponse<String>> check;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** A client of the registry listening on {@code port} of 127.0.0.1, checking nothing. */
    public ApiClient(IntSupplier port) {
        this(port, response -> {});
    }

    /** A client of the registry listening on {@code port} of 127.0.0.1 that checks every answer with {@code check}. */
    public ApiClient(IntSupplier port, Consumer<HttpResponse<String>> check) {
        this.port = port;
        this.check = check;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port.getAsInt() + pathAndQuery);
    }

    /** A request for {@code pathAndQuery}, with {@code token} as bearer token unless it is null, and the headers. */
    public HttpRequest.Builder request(String pathAndQuery, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    public HttpResponse<String> get(String pathAndQuery, String token, String... headers) {
        return send(request(pathAndQuery, token, headers).GET());
    }

    public HttpResponse<String> post(String pathAndQuery, String token, Object body, String... headers) {
        return send(withJson(request(pathAndQuery, token, headers), "POST", body));
    }

    public HttpResponse<String> patch(String pathAndQuery, String token, Object body, String... headers) {
        return send(withJson(request(pathAndQuery, token, headers), "PATCH", body));
    }

    /**
     * Moves the registration at {@code registrationPath} to the status in {@code body} as a reviewer does: reads it
     * first, then names the version read in {@code If-Match}, so that an edit made in between fails with 412 instead
     * of being approved unseen.
     */
    public HttpResponse<String> review(String registrationPath, String token, Object body) {
        HttpResponse<String> read = get(registrationPath, token);
        String etag = read.headers()
                .firstValue("ETag")
                .orElseThrow(() -> new AssertionError(
                        "cannot read " + registrationPath + " to review it: " + read.statusCode() + " " + read.body()));
        return patch(registrationPath + "/status", token, body, "If-Match", etag);
    }

    public HttpResponse<String> delete(String pathAndQuery, String token, String... headers) {
        return send(request(pathAndQuery, token, headers).DELETE());
    }

    /** Sends the request and checks the answer. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = sendUnchecked(request.build());
        check.accept(response);
        return response;
    }

    /** Sends the request as it is and returns the answer unchecked. */
    public HttpResponse<String> sendUnchecked(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is read as bytes, unchecked. */
    public HttpResponse<byte[]> getBytes(String pathAndQuery) {
        return send(request(pathAndQuery, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The underlying client, e.g. for {@code sendAsync}. */
    public HttpClient client() {
        return client;
    }

    /** A body as JSON: a {@code String} is sent as it is, anything else is serialised. */
    public static HttpRequest.Builder withJson(HttpRequest.Builder builder, String method, Object body) {
        String text = body instanceof String raw ? raw : write(body);
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
