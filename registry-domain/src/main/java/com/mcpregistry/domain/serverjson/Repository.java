package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Where a server's source code lives: the repository's URL, its host ({@code github}…), a folder in it, its id. */
public record Repository(HttpUrl url, String source, Optional<String> subfolder, Optional<String> id) {
    public static final int MAX_LENGTH = 255;

    public Repository {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(subfolder, "subfolder");
        Objects.requireNonNull(id, "id");
        Validation validation = new Validation();
        validation.check(() -> Text.require("/source", source, MAX_LENGTH));
        subfolder.ifPresent(folder -> validation.check(() -> requireCleanRelativePath(folder)));
        id.ifPresent(value -> validation.check(() -> Text.require("/id", value, MAX_LENGTH)));
        validation.complete();
    }

    private static String requireCleanRelativePath(String folder) {
        Text.require("/subfolder", folder, MAX_LENGTH);
        boolean clean = !folder.startsWith("/")
                && !folder.endsWith("/")
                && folder.indexOf('\\') < 0
                && Arrays.stream(folder.split("/", -1))
                        .noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
        if (!clean) {
            throw InvalidInput.of(
                    "/subfolder", "must be a clean relative path such as src/weather, without . or .. parts");
        }
        return folder;
    }
}
