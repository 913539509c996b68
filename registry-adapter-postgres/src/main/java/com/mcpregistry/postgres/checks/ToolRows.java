package com.mcpregistry.postgres.checks;

import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The tools of a check or of an approval snapshot as rows, one per tool with its place in the {@link ToolSet}, so
 * that the set read back (in that order) is the one that was hashed: text columns hold each field exactly.
 */
final class ToolRows {

    /** The columns of a tool row after its owner's key, in {@link #UNNEST}'s order. */
    static final String COLUMNS = "position, name, title, description, input_schema, output_schema, annotations";

    /** The bound tools as rows of {@link #COLUMNS} (position from 0), for {@code INSERT … SELECT}. */
    static final String UNNEST = "SELECT t.ordinality - 1, t.name, t.title, t.description, t.input_schema,"
            + " t.output_schema, t.annotations"
            + " FROM unnest(:names, :titles, :descriptions, :input_schemas, :output_schemas, :annotations)"
            + " WITH ORDINALITY AS t (name, title, description, input_schema, output_schema, annotations, ordinality)";

    private ToolRows() {}

    /** Binds {@code tools} for {@link #UNNEST}, in their set's order. */
    static <S extends SqlStatement<S>> S bind(S statement, ToolSet tools) {
        return statement
                .bindArray("names", String.class, field(tools, tool -> Optional.of(tool.name())))
                .bindArray("titles", String.class, field(tools, Tool::title))
                .bindArray("descriptions", String.class, field(tools, Tool::description))
                .bindArray("input_schemas", String.class, field(tools, tool -> Optional.of(tool.inputSchema())))
                .bindArray("output_schemas", String.class, field(tools, Tool::outputSchema))
                .bindArray("annotations", String.class, field(tools, Tool::annotations));
    }

    private static List<String> field(ToolSet tools, Function<Tool, Optional<String>> value) {
        return tools.tools().stream()
                .map(tool -> value.apply(tool).orElse(null))
                .toList();
    }

    static Tool read(ResultSet rs) throws SQLException {
        return new Tool(
                rs.getString("name"),
                Optional.ofNullable(rs.getString("title")),
                Optional.ofNullable(rs.getString("description")),
                rs.getString("input_schema"),
                Optional.ofNullable(rs.getString("output_schema")),
                Optional.ofNullable(rs.getString("annotations")));
    }
}
