package com.mcpregistry.domain.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a server's tools differ from a snapshot, tool by tool: the tools added, the tools removed, and for each tool in
 * both what changed ({@code title}, {@code description}, {@code inputSchema}, {@code outputSchema},
 * {@code annotations}) — what an administrator reads to decide whether a drift is harmless.
 */
public record ToolChanges(List<String> added, List<String> removed, List<Changed> changed) {

    /** No change, or nothing to compare. */
    public static final ToolChanges NONE = new ToolChanges(List.of(), List.of(), List.of());

    public ToolChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** A tool in both sets, and the names of its fields that differ. */
    public record Changed(String name, List<String> fields) {
        public Changed {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("title", Tool::title),
            new Field("description", Tool::description),
            new Field("inputSchema", tool -> Optional.of(tool.inputSchema())),
            new Field("outputSchema", Tool::outputSchema),
            new Field("annotations", Tool::annotations));

    /** How {@code now} differs from {@code before}. */
    public static ToolChanges between(ToolSet before, ToolSet now) {
        List<String> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (Tool tool : now.tools()) {
            Optional<Tool> earlier = before.named(tool.name());
            if (earlier.isEmpty()) {
                added.add(tool.name());
                continue;
            }
            List<String> fields = FIELDS.stream()
                    .filter(field ->
                            !field.value().apply(tool).equals(field.value().apply(earlier.get())))
                    .map(Field::name)
                    .toList();
            if (!fields.isEmpty()) {
                changed.add(new Changed(tool.name(), fields));
            }
        }
        List<String> removed = before.tools().stream()
                .map(Tool::name)
                .filter(name -> now.named(name).isEmpty())
                .toList();
        return new ToolChanges(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * The changes in one line for people, e.g. {@code added: book_entry; removed: list; changed: pay (description,
     * inputSchema)}.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed: " + String.join(", ", removed));
        }
        if (!changed.isEmpty()) {
            parts.add("changed: "
                    + String.join(
                            ", ",
                            changed.stream()
                                    .map(c -> c.name() + " (" + String.join(", ", c.fields()) + ")")
                                    .toList()));
        }
        return parts.isEmpty() ? "no tool changed" : String.join("; ", parts);
    }

    private record Field(String name, Function<Tool, Optional<String>> value) {}
}
