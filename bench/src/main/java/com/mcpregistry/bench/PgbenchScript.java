package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A read script of bench/pgbench/ as its statements: each ends with a semicolon, as pgbench reads them (a line of its
 * own in these scripts), comments aside, each with its pgbench variables ({@code :name}) in order. The floor runs them through JDBC with {@code ?} in each variable's place, so that bench/
 * holds one copy of each statement, which pgbench and the floor both run. Meta-commands ({@code \set}) belong to the
 * write script only and are refused here.
 */
record PgbenchScript(List<PgbenchScript.Statement> statements) {

    PgbenchScript {
        statements = List.copyOf(statements);
    }

    /**
     * One statement: {@code sql} with {@code ?} where the script has a variable, and the variables' names in their
     * order ({@code :user_id} twice is two parameters).
     */
    record Statement(String sql, List<String> variables) {
        Statement {
            variables = List.copyOf(variables);
        }
    }

    static PgbenchScript read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static PgbenchScript parse(String script) {
        List<Statement> statements = new ArrayList<>();
        for (String text : statementTexts(script)) {
            List<String> variables = new ArrayList<>();
            String sql = eachVariable(text, name -> {
                variables.add(name);
                return "?";
            });
            statements.add(new Statement(sql, variables));
        }
        return new PgbenchScript(statements);
    }

    /**
     * {@code script} with each of {@code names}, where a statement names it, renamed {@code <name><suffix>}: one copy
     * of a script for each of several values (pgbench has no way to pick one of them itself). Comments stay as
     * they are.
     */
    static String withVariablesRenamed(String script, Set<String> names, String suffix) {
        StringBuilder renamed = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (!renamed.isEmpty()) {
                renamed.append('\n');
            }
            renamed.append(
                    isStatement(line)
                            ? eachVariable(line, name -> ":" + name + (names.contains(name) ? suffix : ""))
                            : line);
        }
        return renamed.toString();
    }

    /** The statements, each without its semicolon, the lines of one joined by a blank. */
    private static List<String> statementTexts(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("\\")) {
                throw new IllegalArgumentException("a read script has no meta-commands: " + line);
            }
            if (isStatement(line)) {
                statement.append(statement.isEmpty() ? "" : " ").append(line.strip());
                if (line.strip().endsWith(";")) {
                    statements.add(statement.substring(0, statement.length() - 1));
                    statement.setLength(0);
                }
            }
        }
        if (!statement.isEmpty()) {
            statements.add(statement.toString());
        }
        return statements;
    }

    private static boolean isStatement(String line) {
        return !line.isBlank() && !line.startsWith("--") && !line.startsWith("\\");
    }

    /**
     * {@code line} with each variable replaced by what {@code replacement} makes of its name. As pgbench reads
     * them: a colon and a name of letters, digits and underscores; a cast ({@code ::}) is none, and nothing inside a
     * quoted literal is one.
     */
    private static String eachVariable(String line, UnaryOperator<String> replacement) {
        StringBuilder out = new StringBuilder(line.length());
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                if (i + 1 < line.length() && line.charAt(i + 1) == ':') {
                    out.append("::");
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < line.length() && isNamePart(line.charAt(end))) {
                    end++;
                }
                if (end > i + 1) {
                    out.append(replacement.apply(line.substring(i + 1, end)));
                    i = end - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isNamePart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
