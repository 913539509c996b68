package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import java.util.List;
import java.util.Objects;

/**
 * A server reached over the network: its transport type, its URL (which may hold {@code {variables}} the client
 * fills in, e.g. a tenant), the headers a client sends, and those variables.
 */
public record Remote(RemoteTransport type, UrlTemplate url, List<KeyValueInput> headers, Variables variables) {
    public Remote {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        Objects.requireNonNull(variables, "variables");
        Validation validation = new Validation();
        for (String name : url.variableNames()) {
            if (!variables.names().contains(name)) {
                validation.reject("/url", "refers to {" + name + "}, which is not one of the remote's variables");
            }
        }
        validation.complete();
    }
}
