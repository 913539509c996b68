package com.mcpregistry.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings the process was given: environment variables, over a {@code .env} file in the working directory
 * ({@code NAME=value} lines, {@code #} comments, optional quotes). A real environment variable always wins.
 */
public final class Environment {
    private final Map<String, String> values;

    public Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** This process's environment over {@code ./.env}, if that file exists: what the commands read. */
    static Environment ofProcess() {
        return load(System.getenv(), Path.of(".env"));
    }

    /** The process environment over {@code dotEnv}, if that file exists. */
    public static Environment load(Map<String, String> processEnvironment, Path dotEnv) {
        Map<String, String> merged = new HashMap<>(readDotEnv(dotEnv));
        merged.putAll(processEnvironment);
        return new Environment(merged);
    }

    static Map<String, String> readDotEnv(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ConfigurationError(file + " line " + (i + 1), "expected NAME=value");
            }
            values.put(
                    line.substring(0, equals).strip(),
                    unquote(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\"")) || (value.startsWith("'") && value.endsWith("'")));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** The setting, empty when unset or blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new ConfigurationError(name, "is required"));
    }

    public int integer(String name, int defaultValue, int min, int max) {
        return get(name)
                .map(raw -> {
                    try {
                        int value = Integer.parseInt(raw);
                        if (value < min || value > max) {
                            throw new ConfigurationError(
                                    name, "must be between " + min + " and " + max + ", not " + raw);
                        }
                        return value;
                    } catch (NumberFormatException e) {
                        throw new ConfigurationError(name, "must be a whole number, not '" + raw + "'");
                    }
                })
                .orElse(defaultValue);
    }

    /** A comma-separated list; empty when unset. */
    public List<String> list(String name) {
        return get(name).map(raw -> List.of(raw.split("\\s*,\\s*"))).orElse(List.of()).stream()
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** One of {@code allowed} (case-insensitive), or {@code defaultValue} when unset. */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
        return get(name)
                .map(raw -> {
                    for (E option : type.getEnumConstants()) {
                        if (option.name().equalsIgnoreCase(raw)) {
                            return option;
                        }
                    }
                    List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                            .map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
                            .toList();
                    throw new ConfigurationError(
                            name, "must be one of " + String.join(", ", names) + ", not '" + raw + "'");
                })
                .orElse(defaultValue);
    }
}
