package com.mcpregistry.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * One answer of serve or the floor, asked as wrk asks (with a token when the row is signed in): read once for the
 * values pgbench binds, and to compare the floor's answers with serve's.
 */
final class Answers {

    private final HttpClient http;

    Answers(HttpClient http) {
        this.http = http;
    }

    /** The body of {@code GET path}; anything but 200 fails the run. */
    byte[] get(ServeProcess from, String path, Optional<String> token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(from.base().resolve(path));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new BenchmarkFailure("GET " + path + " answered " + response.statusCode() + " (" + from.base() + ")");
        }
        return response.body();
    }
}
