package com.mcpregistry.domain.checks;

import com.mcpregistry.domain.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool a server listed, as {@code tools/list} describes it. The schemas and annotations are JSON texts in
 * canonical form (keys sorted, no insignificant white space), as the adapter that read them writes them: the domain
 * compares and hashes them without a JSON library.
 */
public record Tool(
        String name,
        Optional<String> title,
        Optional<String> description,
        String inputSchema,
        Optional<String> outputSchema,
        Optional<String> annotations) {

    public static final int MAX_NAME_LENGTH = 128;

    public Tool {
        Text.require("name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(outputSchema, "outputSchema");
        Objects.requireNonNull(annotations, "annotations");
    }
}
