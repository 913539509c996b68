package com.mcpregistry.domain;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Enums written by their wire name (JSON, database): finding a value by its name, and refusing an unknown one. */
public final class WireNames {
    private WireNames() {}

    /** The value of {@code values} whose wire name is {@code raw}, if there is one. */
    public static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> wireName, String raw) {
        return Arrays.stream(values).filter(v -> wireName.apply(v).equals(raw)).findFirst();
    }

    /** The value named {@code raw}; an unknown name is invalid input on {@code field} listing the known ones. */
    public static <E extends Enum<E>> E parse(String field, String raw, E[] values, Function<E, String> wireName) {
        return find(values, wireName, raw)
                .orElseThrow(() -> InvalidInput.of(
                        field,
                        "must be one of " + Arrays.stream(values).map(wireName).collect(Collectors.joining(", "))));
    }
}
