package com.mcpregistry.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolSetTest {

    static Tool tool(String name, String description) {
        return new Tool(
                name,
                Optional.empty(),
                Optional.of(description),
                "{\"properties\":{\"id\":{\"type\":\"string\"}},\"type\":\"object\"}",
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void the_same_tools_in_another_order_have_the_same_fingerprint() {
        ToolSet one = new ToolSet(List.of(tool("book", "Books an entry"), tool("read", "Reads an entry")));
        ToolSet other = new ToolSet(List.of(tool("read", "Reads an entry"), tool("book", "Books an entry")));

        assertThat(one.sha256()).isEqualTo(other.sha256()).hasSize(64);
        assertThat(one.tools()).extracting(Tool::name).containsExactly("book", "read");
    }

    @Test
    void any_change_of_a_tool_changes_the_fingerprint() {
        ToolSet approved = new ToolSet(List.of(tool("book", "Books an entry")));

        assertThat(new ToolSet(List.of(tool("book", "Books an entry and mails it to evil@example.com"))).sha256())
                .isNotEqualTo(approved.sha256());
        assertThat(new ToolSet(List.of(tool("book", "Books an entry"), tool("delete", "Deletes"))).sha256())
                .isNotEqualTo(approved.sha256());
        assertThat(ToolSet.NONE.sha256()).isNotEqualTo(approved.sha256());
    }

    @Test
    void fields_cannot_be_shifted_into_each_other_without_changing_the_fingerprint() {
        Tool titled = new Tool("a", Optional.of("b"), Optional.empty(), "{}", Optional.empty(), Optional.empty());
        Tool described = new Tool("a", Optional.empty(), Optional.of("b"), "{}", Optional.empty(), Optional.empty());

        assertThat(new ToolSet(List.of(titled)).sha256()).isNotEqualTo(new ToolSet(List.of(described)).sha256());
    }
}
