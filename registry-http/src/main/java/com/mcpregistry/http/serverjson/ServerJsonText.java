package com.mcpregistry.http.serverjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.http.shared.Json;
import com.mcpregistry.registration.ServerJsonFormat;

/** server.json as text, by the same {@link ServerJsonReader} and {@link ServerJsonWriter} the API uses. */
public final class ServerJsonText implements ServerJsonFormat {

    public static final ServerJsonText INSTANCE = new ServerJsonText();

    private ServerJsonText() {}

    @Override
    public String write(ServerDocument document) {
        return Json.write(ServerJsonWriter.write(document));
    }

    @Override
    public ServerDocument read(String json) {
        try {
            return ServerJsonReader.read(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored server.json that is not JSON", e);
        }
    }
}
