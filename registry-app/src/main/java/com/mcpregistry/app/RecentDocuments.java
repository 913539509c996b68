package com.mcpregistry.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.registration.ServerJsonFormat;

/**
 * Remembers the documents of the server.json texts read most recently, so that the pages every client asks for — the
 * catalogue's first page, a popular server — do not read, check and build the same document on each request (the
 * largest share of a catalogue page's CPU before). Keyed by the text itself, so a changed document is simply another
 * key: nothing to invalidate, and what is read is always what the row holds. Documents are immutable values, shared
 * by the requests that read them. At most {@value #MAX_TEXT_BYTES} bytes of text are remembered (some thousands of
 * documents; the documents they build take a few times as much heap), least recently used first out.
 */
final class RecentDocuments implements ServerJsonFormat {

    static final long MAX_TEXT_BYTES = 2L * 1024 * 1024;

    private final ServerJsonFormat format;
    private final Cache<String, ServerDocument> recent;

    RecentDocuments(ServerJsonFormat format) {
        this.format = format;
        this.recent = Caffeine.newBuilder()
                .maximumWeight(MAX_TEXT_BYTES)
                .<String, ServerDocument>weigher((text, document) -> text.length())
                .build();
    }

    @Override
    public String write(ServerDocument document) {
        return format.write(document);
    }

    /** A document read before from the same text, or {@code format}'s reading of it; a text that is not valid fails as in {@code format}, every time. */
    @Override
    public ServerDocument read(String json) {
        return recent.get(json, format::read);
    }
}
