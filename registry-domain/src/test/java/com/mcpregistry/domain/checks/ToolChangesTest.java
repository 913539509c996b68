package com.mcpregistry.domain.checks;

import static com.mcpregistry.domain.checks.ToolSetTest.tool;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolChangesTest {

    @Test
    void tools_added_removed_and_changed_are_told_apart() {
        ToolSet approved = new ToolSet(List.of(tool("book", "Books an entry"), tool("read", "Reads an entry")));
        Tool widened = new Tool(
                "read",
                Optional.empty(),
                Optional.of("Reads an entry"),
                "{\"type\":\"object\"}",
                Optional.empty(),
                Optional.empty());
        ToolSet now = new ToolSet(List.of(widened, tool("export", "Exports everything")));

        ToolChanges changes = ToolChanges.between(approved, now);

        assertThat(changes.added()).containsExactly("export");
        assertThat(changes.removed()).containsExactly("book");
        assertThat(changes.changed()).containsExactly(new ToolChanges.Changed("read", List.of("inputSchema")));
        assertThat(changes.isEmpty()).isFalse();
        assertThat(ToolChanges.between(approved, approved).isEmpty()).isTrue();
    }
}
