package com.mcpregistry.registration;

import com.mcpregistry.domain.serverjson.ServerDocument;

/**
 * server.json as text, for an adapter that keeps documents as JSON (the PostgreSQL adapter's {@code jsonb} column).
 * The domain holds no JSON library: the adapter that reads and writes JSON for the API provides this too, so that a
 * stored document is the document the API published.
 */
public interface ServerJsonFormat {

    /** {@code document} as server.json text, as the registry publishes it. */
    String write(ServerDocument document);

    /**
     * The document in {@code json}, which {@link #write} wrote (perhaps under an older edition of the registry).
     *
     * @throws com.mcpregistry.domain.error.InvalidInput when it is not a valid document
     */
    ServerDocument read(String json);
}
