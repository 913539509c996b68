package com.mcpregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mcpregistry.publication.ServerListCursor;
import com.mcpregistry.publication.ServerListToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Walks a list's cursor chain page by page, as a client would, to reach a page deep in it; and reads the cursor it
 * ends on back into the values pgbench binds for the same page.
 */
final class CursorWalker {

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    CursorWalker(HttpClient http) {
        this.http = http;
    }

    /**
     * Follows {@code pages} pages from {@code firstPage} (a URL with a query) and returns the cursor of the page
     * after them; {@code nextCursor} points at it in each page's JSON.
     */
    String walk(URI firstPage, String nextCursor, int pages, Optional<String> token)
            throws IOException, InterruptedException {
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            URI uri = cursor == null
                    ? firstPage
                    : URI.create(firstPage + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchmarkFailure(uri.getPath() + " answered " + response.statusCode() + " on page " + page);
            }
            JsonNode next = json.readTree(response.body()).at(nextCursor);
            if (!next.isTextual()) {
                throw new BenchmarkFailure(
                        "the cursor chain of " + firstPage.getPath() + " ended after " + (page + 1) + " pages");
            }
            cursor = next.asText();
        }
        if (cursor == null) {
            throw new BenchmarkFailure("no page to walk in " + firstPage);
        }
        return cursor;
    }

    /** A seed API cursor, {@code base64url("<microseconds>|<id>")}: after this creation time and id. */
    record AfterCreation(String at, String id) {
        private static final DateTimeFormatter MICROSECONDS =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

        static AfterCreation decode(String cursor) {
            String[] parts = plain(cursor).split("\\|", 2);
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return new AfterCreation(MICROSECONDS.format(at), parts[1]);
        }
    }

    /** An MCP Registry API catalogue cursor ({@link ServerListToken}) that continues in name order. */
    record AfterName(String name, String version, String id) {
        static AfterName decode(String cursor) {
            if (!(ServerListToken.decode(cursor).after() instanceof ServerListCursor.ByName byName)) {
                throw new IllegalArgumentException("not a catalogue cursor in name order: " + cursor);
            }
            return new AfterName(
                    byName.serverName(), byName.version(), byName.id().toString());
        }
    }

    private static String plain(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }
}
