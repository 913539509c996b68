package com.mcpregistry.app;

import java.util.List;

/**
 * Missing or invalid settings: one line per problem, each naming its setting and saying what is wrong, so that one
 * run reports every problem.
 */
public final class ConfigurationError extends RuntimeException {
    private final List<String> problems;

    public ConfigurationError(String setting, String problem) {
        this(List.of(setting + ": " + problem));
    }

    ConfigurationError(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One line per problem: {@code SETTING: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
