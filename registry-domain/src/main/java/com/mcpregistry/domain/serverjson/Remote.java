package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * The URL a client reaches when it fills each variable with its default: the remote's URL as the registry checks
     * it. None when a variable has no default (only its user knows the value), or the filled-in URL is not a URL.
     */
    public Optional<HttpUrl> urlWithDefaults() {
        String filled = url.value();
        for (String name : url.variableNames()) {
            Optional<String> value = variables.values().get(name).defaultValue();
            if (value.isEmpty()) {
                return Optional.empty();
            }
            filled = filled.replace("{" + name + "}", value.get());
        }
        try {
            return Optional.of(new HttpUrl(filled));
        } catch (InvalidInput notAUrl) {
            return Optional.empty();
        }
    }
}
