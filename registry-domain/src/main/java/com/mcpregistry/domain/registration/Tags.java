package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Up to ten distinct labels, each at most 32 characters, that help people find a server. */
public record Tags(List<String> values) {
    public static final int MAX_COUNT = 10;
    public static final int MAX_TAG_LENGTH = 32;
    public static final Tags NONE = new Tags(List.of());

    public Tags {
        Objects.requireNonNull(values, "tags");
        if (values.size() > MAX_COUNT) {
            throw InvalidInput.of("tags", "at most " + MAX_COUNT + " tags");
        }
        for (int i = 0; i < values.size(); i++) {
            Text.require("tags[" + i + "]", values.get(i), MAX_TAG_LENGTH);
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw InvalidInput.of("tags", "must not repeat a tag");
        }
        values = List.copyOf(values);
    }
}
