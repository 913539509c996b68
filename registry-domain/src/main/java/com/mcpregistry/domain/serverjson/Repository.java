package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a server's source code lives: the repository's URL, its host ({@code github}…), a folder in it, its id. */
public record Repository(HttpUrl url, String source, Optional<String> subfolder, Optional<String> id) {
    public static final int MAX_LENGTH = 255;
    private static final Map<String, Pattern> FORGES = Map.of(
            "github", Pattern.compile("^https?://(www\\.)?github\\.com/[\\w.-]+/[\\w.-]+/?$"),
            "gitlab", Pattern.compile("^https?://(www\\.)?gitlab\\.com/[\\w.-]+(/[\\w.-]+)+/?$"));

    public Repository {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(subfolder, "subfolder");
        Objects.requireNonNull(id, "id");
        Validation validation = new Validation();
        validation.check(() -> Text.require("/source", source, MAX_LENGTH));
        subfolder.ifPresent(folder -> validation.check(() -> requireCleanRelativePath(folder)));
        id.ifPresent(value -> validation.check(() -> Text.require("/id", value, MAX_LENGTH)));
        if (source != null
                && FORGES.containsKey(source)
                && !FORGES.get(source).matcher(url.value()).matches()) {
            // Rule 11, for the forges it names; an enterprise's own forge (Azure DevOps, GitHub Enterprise) is
            // allowed under its host name, where the official registry allows only these two.
            validation.reject(
                    "/url", "is not a " + source + " repository URL such as https://" + source + ".com/owner/name");
        }
        validation.complete();
    }

    /**
     * The repository at {@code url}, its source named {@code github} or {@code gitlab} when the URL is one of theirs,
     * and by the URL's host otherwise.
     */
    public static Repository at(HttpUrl url) {
        String source = FORGES.entrySet().stream()
                .filter(forge -> forge.getValue().matcher(url.value()).matches())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> URI.create(url.value()).getHost().toLowerCase(Locale.ROOT));
        return new Repository(url, source, Optional.empty(), Optional.empty());
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
