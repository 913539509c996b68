package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * schema/sql/init_schema.sql, the DBAs' plain SQL, is the rendering of the Liquibase changelog by {@link InitSchemaSql}
 * and builds exactly the schema the changelog builds.
 */
class SchemaSqlMatchesChangelogTest {

    private static final String PLAIN_SQL = "db/sql/init_schema.sql";

    /** Every schema object that matters, one line each, in a stable order. */
    private static final List<String> CATALOG_QUERIES = List.of(
            "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'",
            """
            SELECT format('column %s.%s #%s %s %s default %s identity %s statistics %s', c.relname, a.attname,
                          -- The column's place among the table's columns: a dropped column leaves a gap in attnum.
                          (SELECT count(*) FROM pg_attribute b
                            WHERE b.attrelid = a.attrelid AND b.attnum BETWEEN 1 AND a.attnum AND NOT b.attisdropped),
                          format_type(a.atttypid, a.atttypmod),
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
            """,
            """
            SELECT format('privilege %s on %s to %s', a.privilege_type, c.relname, pg_get_userbyid(a.grantee))
              FROM pg_class c, aclexplode(c.relacl) a
             WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'databasechangelog%'
               AND a.grantee NOT IN (0, c.relowner)
            """,
            """
            SELECT format('default privilege %s on %s to %s', a.privilege_type, d.defaclobjtype,
                          pg_get_userbyid(a.grantee))
              FROM pg_default_acl d, aclexplode(d.defaclacl) a
             WHERE d.defaclnamespace = 'public'::regnamespace
            """);

    private static final String REGENERATE = "schema/sql/init_schema.sql is out of date with the Liquibase changelog;"
            + " regenerate it from the repository's root directory with\n\n    " + InitSchemaSql.COMMAND
            + "\n\nand commit it with the changelog";

    @Test
    void init_schema_sql_is_the_rendering_of_the_changelog() {
        try (TestDatabase byChangelog = TestDatabase.migrated()) {
            int major = byChangelog.jdbi().withHandle(InitSchemaSql::majorVersion);
            String file = plainSql().replace("\r\n", "\n");
            // Another major version may print an expression differently; the catalog comparison still runs.
            assumeThat(file)
                    .as("init_schema.sql was rendered from the major version of this test's PostgreSQL")
                    .contains("-- Rendered from PostgreSQL " + major + ".");

            assertThat(file).as(REGENERATE).isEqualTo(InitSchemaSql.renderedFrom(byChangelog.jdbi()));
        }
    }

    @Test
    void the_plain_sql_schema_matches_the_liquibase_changelog() throws Exception {
        try (TestDatabase byChangelog = TestDatabase.migrated();
                TestDatabase bySql = TestDatabase.empty()) {
            apply(plainSql(), bySql);

            List<String> expected = catalog(byChangelog.jdbi());
            List<String> actual = catalog(bySql.jdbi());

            assertThat(expected)
                    .as("the changelog's catalog is read at all")
                    .anyMatch(line ->
                            line.startsWith("constraint registration_locators.registration_locators_single_server"))
                    .anyMatch(line -> line.startsWith("trigger CREATE TRIGGER audit_log_append_only"))
                    .anyMatch(line -> line.startsWith("index CREATE INDEX registrations_search_title_trgm_idx"))
                    .contains("privilege INSERT on audit_log to registry_runtime")
                    .doesNotContain("privilege DELETE on audit_log to registry_runtime");
            assertThat(actual).as(REGENERATE).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void the_rendering_builds_the_schema_it_was_rendered_from() throws Exception {
        try (TestDatabase byChangelog = TestDatabase.migrated();
                TestDatabase byRendering = TestDatabase.empty()) {
            apply(InitSchemaSql.renderedFrom(byChangelog.jdbi()), byRendering);

            assertThat(catalog(byRendering.jdbi())).containsExactlyElementsOf(catalog(byChangelog.jdbi()));
        }
    }

    @Test
    void a_schema_object_the_rendering_would_leave_out_is_refused_by_name() throws Exception {
        try (TestDatabase database = TestDatabase.migrated()) {
            apply("""
                    CREATE VIEW pending_registrations AS SELECT id FROM registrations WHERE status = 'Pending';
                    CREATE TYPE review_mood AS ENUM ('happy', 'sad');
                    """, database);

            assertThatThrownBy(() -> InitSchemaSql.renderedFrom(database.jdbi()))
                    .hasMessageContaining("relation pending_registrations of kind v")
                    .hasMessageContaining("type review_mood");
        }
    }

    @Test
    void the_readme_gives_the_command_that_regenerates_it() throws IOException {
        Path readme = Path.of(System.getProperty("basedir", "."), "..", "README.md");

        assertThat(Files.readString(readme)).contains(InitSchemaSql.COMMAND);
    }

    private static void apply(String sql, TestDatabase database) throws SQLException {
        try (Connection connection = database.unpooledDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
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

    private static String plainSql() {
        try (InputStream in = Objects.requireNonNull(
                SchemaSqlMatchesChangelogTest.class.getClassLoader().getResourceAsStream(PLAIN_SQL),
                PLAIN_SQL + " is on the class path (schema module)")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
