package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** schema/sql/init_schema.sql, the DBAs' plain SQL, builds exactly the schema the Liquibase changelog builds. */
class SchemaSqlMatchesChangelogTest {

    private static final String PLAIN_SQL = "db/sql/init_schema.sql";

    /** Every schema object that matters, one line each, in a stable order. */
    private static final List<String> CATALOG_QUERIES = List.of(
            "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'",
            """
            SELECT format('column %s.%s #%s %s %s default %s identity %s statistics %s', c.relname, a.attname,
                          a.attnum, format_type(a.atttypid, a.atttypmod),
                          CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END, pg_get_expr(d.adbin, d.adrelid),
                          a.attidentity,
                          CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::text ELSE 'default' END)
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p') AND a.attnum > 0 AND NOT a.attisdropped
               AND c.relname NOT LIKE 'databasechangelog%'
            """,
            """
            SELECT format('constraint %s.%s %s', c.relname, con.conname, pg_get_constraintdef(con.oid))
              FROM pg_constraint con
              JOIN pg_class c ON c.oid = con.conrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname NOT LIKE 'databasechangelog%'
            """,
            """
            SELECT 'index ' || indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%'
            """,
            """
            SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled ' || t.tgenabled::text
              FROM pg_trigger t
              JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE NOT t.tgisinternal AND n.nspname = 'public'
            """,
            """
            SELECT 'function ' || regexp_replace(pg_get_functiondef(p.oid), '\\s+', ' ', 'g')
              FROM pg_proc p
              JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            """,
            """
            SELECT format('sequence %s %s %s %s', sequencename, data_type, start_value, increment_by)
              FROM pg_sequences WHERE schemaname = 'public'
            """);

    @Test
    void the_plain_sql_schema_matches_the_liquibase_changelog() throws Exception {
        try (TestDatabase byChangelog = TestDatabase.migrated();
                TestDatabase bySql = TestDatabase.empty()) {
            try (Connection connection = bySql.unpooledDataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(plainSql());
            }

            List<String> expected = catalog(byChangelog.jdbi());
            List<String> actual = catalog(bySql.jdbi());

            assertThat(expected)
                    .as("the changelog's catalog is read at all")
                    .anyMatch(line -> line.startsWith("constraint registrations.registrations_endpoint_single_server"))
                    .anyMatch(line -> line.startsWith("trigger CREATE TRIGGER audit_log_append_only"))
                    .anyMatch(line -> line.startsWith("index CREATE INDEX registrations_title_trgm_idx"));
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> catalog(Jdbi jdbi) {
        List<String> lines = new ArrayList<>();
        for (String query : CATALOG_QUERIES) {
            lines.addAll(jdbi.withHandle(handle -> handle.createQuery(query + " ORDER BY 1")
                    .mapTo(String.class)
                    .list()));
        }
        return lines;
    }

    private static String plainSql() throws SQLException {
        try (InputStream in = Objects.requireNonNull(
                SchemaSqlMatchesChangelogTest.class.getClassLoader().getResourceAsStream(PLAIN_SQL),
                PLAIN_SQL + " is on the class path (schema module)")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
