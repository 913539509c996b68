package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The inputs a value or URL refers to by {@code {name}}, by name, in the order server.json gives them. */
public record Variables(Map<String, Input> values) {
    public static final Variables NONE = new Variables(Map.of());

    public Variables {
        Validation validation = new Validation();
        for (Map.Entry<String, Input> variable : values.entrySet()) {
            if (variable.getKey().isBlank()) {
                validation.reject(JsonPointer.append("", variable.getKey()), "a variable needs a name");
            }
        }
        validation.complete();
        // A copy that keeps the document's order (Map.copyOf would not) and rejects null names and inputs.
        LinkedHashMap<String, Input> copy = new LinkedHashMap<>();
        values.forEach((name, input) -> copy.put(Objects.requireNonNull(name), Objects.requireNonNull(input)));
        values = Collections.unmodifiableMap(copy);
    }

    public Set<String> names() {
        return values.keySet();
    }
}
