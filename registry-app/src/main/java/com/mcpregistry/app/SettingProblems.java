package com.mcpregistry.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The problems found while reading settings, kept so that start-up reports all of them at once. */
final class SettingProblems {
    private final List<String> problems = new ArrayList<>();

    /** What {@code read} reads from settings, noting its problems; a {@link ConfigurationError} naming all of them. */
    static <T> T readAll(Function<SettingProblems, T> read) {
        SettingProblems problems = new SettingProblems();
        T value = read.apply(problems);
        problems.throwIfAny();
        return value;
    }

    /**
     * What {@code read} returns, or null after noting its problem under {@code setting}: a {@link
     * ConfigurationError} already names its setting; an {@link IllegalArgumentException}'s message is what is wrong
     * with {@code setting}'s value.
     */
    <T> T read(String setting, Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigurationError e) {
            problems.addAll(e.problems());
        } catch (IllegalArgumentException e) {
            add(setting, e.getMessage());
        }
        return null;
    }

    void add(String setting, String problem) {
        problems.add(setting + ": " + problem);
    }

    /** Throws one error listing every problem noted, if any was. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigurationError(problems);
        }
    }
}
