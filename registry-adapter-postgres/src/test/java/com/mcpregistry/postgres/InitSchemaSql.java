package com.mcpregistry.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes schema/sql/init_schema.sql, the plain-SQL rendering of the schema for DBAs, from a database migrated with
 * the Liquibase changelog (the only source of the schema). The embedded PostgreSQL the tests use ships no
 * {@code pg_dump}, so the schema is rendered from the catalog here: extensions, functions, tables with their
 * columns and constraints, foreign keys, indexes, statistics targets, triggers, comments, and the privileges granted
 * to roles other than the owner (the runtime role, created if absent) with their defaults. Anything else in the
 * schema (a view, a type, a policy…) is refused by name rather than left out, so that the script can never
 * silently miss part of the schema; teach this class the new kind of object when a changeset adds one.
 *
 * <p>Run it with {@link #COMMAND}; {@code SchemaSqlMatchesChangelogTest} fails until the file is regenerated.
 */
public final class InitSchemaSql {

    /** Regenerates schema/sql/init_schema.sql; run it from the repository's root directory. */
    public static final String COMMAND =
            "mvn -B -ntp -pl registry-adapter-postgres -am process-test-classes -Pinit-schema-sql";

    private static final int WIDTH = 116;

    /** Held, so that the level set on it stays: the migration's progress is noise on the command line. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    private InitSchemaSql() {}

    /**
     * Writes the rendering of a freshly migrated database to the file named by the only argument, and beside the
     * changelog what Liquibase recorded applying it ({@link CurrentSchema}'s resource).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: InitSchemaSql <path of init_schema.sql>");
        }
        Path target = Path.of(args[0]).toAbsolutePath().normalize();
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
        String sql;
        List<String> applied;
        try (TestDatabase database = TestDatabase.migrated()) {
            sql = renderedFrom(database.jdbi());
            applied = appliedChangesets(database.jdbi());
        }
        Files.writeString(target, sql, StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
        Path changesets =
                target.getParent().resolveSibling(Path.of("src", "main", "resources", CurrentSchema.RESOURCE));
        Files.write(changesets, applied, StandardCharsets.UTF_8);
        System.out.println("wrote " + changesets);
    }

    /** The changesets Liquibase recorded in DATABASECHANGELOG, as {@link CurrentSchema} compares them. */
    static List<String> appliedChangesets(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(CurrentSchema.APPLIED)
                .map((rs, ctx) -> CurrentSchema.line(
                        rs.getString("id"), rs.getString("author"), rs.getString("filename"), rs.getString("md5sum")))
                .list());
    }

    /** The schema {@code public} of the database, as a plain SQL script that creates it in an empty database. */
    public static String renderedFrom(Jdbi jdbi) {
        return jdbi.inTransaction(handle -> {
            // Names in the public schema come out unqualified, as the script creates them there.
            handle.execute("SET LOCAL search_path = public");
            return render(handle);
        });
    }

    private static String render(Handle handle) {
        refuseWhatIsNotRendered(handle);
        StringBuilder sql = new StringBuilder();
        header(handle, sql);
        sql.append("BEGIN;\n\n");
        sql.append("SET LOCAL search_path = public;\n");
        sql.append("-- As pg_dump does: a function body may name a table created further down.\n");
        sql.append("SET LOCAL check_function_bodies = false;\n");
        section(sql, "Extensions", list(handle, EXTENSIONS));
        section(sql, "Functions", list(handle, FUNCTIONS));
        section(sql, "Tables", tables(handle));
        section(
                sql,
                "Foreign keys",
                list(handle, FOREIGN_KEYS).stream()
                        .map(InitSchemaSql::wrapForeignKey)
                        .toList());
        section(
                sql,
                "Indexes",
                list(handle, INDEXES).stream().map(InitSchemaSql::wrapIndex).toList());
        section(sql, "Statistics targets", statistics(handle));
        section(
                sql,
                "Triggers",
                list(handle, TRIGGERS).stream().map(InitSchemaSql::wrapTrigger).toList());
        section(sql, "Comments", list(handle, COMMENTS));
        section(sql, "Privileges of the roles that do not own the schema", privileges(handle));
        sql.append("\nCOMMIT;\n");
        return sql.toString();
    }

    private static void header(Handle handle, StringBuilder sql) {
        sql.append("""
                -- MCP Registry schema, as plain SQL for DBAs (PostgreSQL 14 or later).
                --
                -- GENERATED: do not edit. The source of the schema is the Liquibase changelog,
                -- schema/src/main/resources/db/changelog/db.changelog-master.yaml; this file is rendered from a database
                -- migrated with it (InitSchemaSql in registry-adapter-postgres). After changing the changelog, regenerate
                -- it from the repository's root directory and commit both:
                --
                """);
        sql.append("--     ").append(COMMAND).append('\n');
        sql.append("""
                --
                -- SchemaSqlMatchesChangelogTest fails while this file is not the rendering of the changelog, and applies it
                -- to an empty database to prove that it builds the same schema.
                --
                -- A database created from this file has no Liquibase history: do not point `migrate` (or a started registry)
                -- at it afterwards, or Liquibase will try to create the tables again. Use the application's `migrate` command
                -- for databases the registry manages. Data changes of the changesets (backfills) are not in this file.
                --
                -- The changesets it renders, with their comments:
                """);
        for (ChangeSet changeSet : changeSets()) {
            String comment = changeSet.getComments() == null
                    ? ""
                    : changeSet.getComments().strip().replaceAll("\\s+", " ");
            String line = "--   " + changeSet.getId() + (comment.isEmpty() ? "" : ": " + comment);
            sql.append(wrapComment(line, "--       "));
        }
        sql.append("--\n-- Rendered from PostgreSQL ")
                .append(majorVersion(handle))
                .append(".\n\n");
    }

    /** The major version of the server, e.g. 17: the catalog's rendering of an expression may change with it. */
    static int majorVersion(Handle handle) {
        return handle.createQuery("SELECT current_setting('server_version_num')::int / 10000")
                .mapTo(Integer.class)
                .one();
    }

    /** The changelog's changesets, with their whole comments (the database keeps 250 characters of each). */
    private static List<ChangeSet> changeSets() {
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(InitSchemaSql.class.getClassLoader());
        try {
            return ChangeLogParserFactory.getInstance()
                    .getParser(SchemaMigrator.CHANGELOG, resources)
                    .parse(SchemaMigrator.CHANGELOG, new ChangeLogParameters(), resources)
                    .getChangeSets();
        } catch (LiquibaseException e) {
            throw new IllegalStateException("cannot read " + SchemaMigrator.CHANGELOG, e);
        }
    }

    private static void section(StringBuilder sql, String title, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        sql.append("\n-- ").append(title).append('\n');
        for (String statement : statements) {
            sql.append('\n').append(statement.strip()).append(";\n");
        }
    }

    private static List<String> list(Handle handle, String query) {
        return handle.createQuery(query).mapTo(String.class).list();
    }

    /** Object kinds the catalog holds that this renderer does not write, named, so it can refuse them. */
    private static final String NOT_RENDERED = """
            WITH extension_member AS (
                SELECT objid FROM pg_depend WHERE deptype = 'e'
            )
            SELECT 'schema ' || nspname FROM pg_namespace
             WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
            UNION ALL
            SELECT format('relation %s of kind %s', c.relname, c.relkind) FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.oid NOT IN (SELECT objid FROM extension_member)
               AND c.relname NOT LIKE 'databasechangelog%'
               AND NOT (c.relkind IN ('r', 'i'))
               AND NOT (c.relkind = 'S' AND EXISTS (
                       SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype = 'i'))
            UNION ALL
            SELECT format('table %s that is %s', c.relname, concat_ws(', ',
                       CASE WHEN c.relpersistence <> 'p' THEN 'unlogged or temporary' END,
                       CASE WHEN c.relrowsecurity THEN 'under row level security' END,
                       CASE WHEN c.relispartition OR EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
                            THEN 'inherited or a partition' END,
                       CASE WHEN c.reloptions IS NOT NULL THEN 'with storage parameters' END))
              FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
               AND (c.relpersistence <> 'p' OR c.relrowsecurity OR c.relispartition OR c.reloptions IS NOT NULL
                    OR EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid))
            UNION ALL
            SELECT 'type ' || t.typname FROM pg_type t
             WHERE t.typnamespace = 'public'::regnamespace AND t.oid NOT IN (SELECT objid FROM extension_member)
               AND t.typtype IN ('b', 'c', 'd', 'e', 'm', 'r') AND t.typelem = 0
               AND NOT (t.typtype = 'c' AND t.typrelid <> 0
                        AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) <> 'c')
            UNION ALL
            SELECT format('routine %s of kind %s', p.proname, p.prokind) FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace AND p.oid NOT IN (SELECT objid FROM extension_member)
               AND p.prokind NOT IN ('f', 'p')
            UNION ALL
            SELECT format('constraint %s of kind %s', con.conname, con.contype) FROM pg_constraint con
             WHERE con.connamespace = 'public'::regnamespace AND con.contype NOT IN ('p', 'u', 'c', 'x', 'f', 'n')
            UNION ALL
            SELECT format('policy %s on %s', pol.polname, pol.polrelid::regclass) FROM pg_policy pol
            UNION ALL
            SELECT format('rule %s on %s', r.rulename, r.ev_class::regclass) FROM pg_rewrite r
              JOIN pg_class c ON c.oid = r.ev_class
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
            UNION ALL
            SELECT format('comment on %s', pg_describe_object(d.classoid, d.objoid, d.objsubid)) FROM pg_description d
             WHERE d.objoid NOT IN (SELECT objid FROM extension_member)
               AND (pg_identify_object(d.classoid, d.objoid, d.objsubid)).schema = 'public'
               AND NOT (d.classoid = 'pg_class'::regclass
                        AND (SELECT relkind FROM pg_class WHERE oid = d.objoid) = 'r')
            ORDER BY 1
            """;

    private static void refuseWhatIsNotRendered(Handle handle) {
        List<String> unknown = list(handle, NOT_RENDERED);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("InitSchemaSql cannot render " + String.join("; ", unknown)
                    + ": teach it these objects (registry-adapter-postgres/src/test/java/com/mcpregistry/postgres/"
                    + "InitSchemaSql.java) so that init_schema.sql does not silently miss them");
        }
    }

    private static final String EXTENSIONS = """
            SELECT format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I', e.extname, n.nspname)
              FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
             WHERE e.extname <> 'plpgsql'
             ORDER BY e.oid
            """;

    private static final String FUNCTIONS = """
            SELECT pg_get_functiondef(p.oid) FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
             ORDER BY p.oid
            """;

    private static final String USER_TABLES = """
            SELECT c.oid FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname NOT LIKE 'databasechangelog%'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
            """;

    private static List<String> tables(Handle handle) {
        List<String> statements = new ArrayList<>();
        for (Map<String, Object> table : handle.createQuery(
                        "SELECT c.oid::bigint AS oid, quote_ident(c.relname) AS name FROM pg_class c WHERE c.oid IN ("
                                + USER_TABLES + ") ORDER BY c.oid")
                .mapToMap()
                .list()) {
            long oid = ((Number) table.get("oid")).longValue();
            statements.add(createTable(handle, (String) table.get("name"), oid));
        }
        return statements;
    }

    private static String createTable(Handle handle, String name, long oid) {
        List<Map<String, Object>> columns = handle.createQuery("""
                        SELECT quote_ident(a.attname) AS name,
                               format_type(a.atttypid, a.atttypmod)
                                   || CASE WHEN a.attcollation <> t.typcollation
                                           THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END AS type,
                               concat_ws(' ',
                                   CASE a.attidentity
                                       WHEN 'a' THEN 'GENERATED ALWAYS AS IDENTITY' || identity_options(s)
                                       WHEN 'd' THEN 'GENERATED BY DEFAULT AS IDENTITY' || identity_options(s) END,
                                   CASE WHEN a.attgenerated = 's'
                                        THEN format('GENERATED ALWAYS AS (%s) STORED', pg_get_expr(d.adbin, d.adrelid))
                                        WHEN d.adbin IS NOT NULL THEN 'DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) END,
                                   CASE WHEN a.attnotnull THEN 'NOT NULL' END) AS rest
                          FROM pg_attribute a
                          JOIN pg_type t ON t.oid = a.atttypid
                          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                          LEFT JOIN LATERAL (
                              SELECT format('%s_%s_seq', c.relname, a.attname) AS default_name,
                                     sc.relname AS name, seq.*
                                FROM pg_class c, pg_depend dep
                                JOIN pg_sequence seq ON seq.seqrelid = dep.objid
                                JOIN pg_class sc ON sc.oid = dep.objid
                               WHERE c.oid = a.attrelid AND dep.classid = 'pg_class'::regclass
                                 AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
                          ) s ON true
                         WHERE a.attrelid = :table AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum
                        """.replace("identity_options(s)", IDENTITY_OPTIONS))
                .bind("table", oid)
                .mapToMap()
                .list();
        List<String> constraints =
                handle.createQuery("""
                        SELECT format('CONSTRAINT %I %s', conname, pg_get_constraintdef(oid, true))
                          FROM pg_constraint
                         WHERE conrelid = :table AND contype IN ('p', 'u', 'c', 'x')
                         ORDER BY contype <> 'p', oid
                        """).bind("table", oid).mapTo(String.class).list();
        int nameWidth = columns.stream()
                .mapToInt(column -> ((String) column.get("name")).length())
                .max()
                .orElse(0);
        int typeWidth = columns.stream()
                .mapToInt(column -> ((String) column.get("type")).length())
                .max()
                .orElse(0);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String rest = (String) column.get("rest");
            String line = pad((String) column.get("name"), nameWidth) + " "
                    + (rest.isEmpty() ? column.get("type") : pad((String) column.get("type"), typeWidth) + " " + rest);
            lines.add("    " + line);
        }
        for (String constraint : constraints) {
            lines.add(wrapConstraint("    " + constraint));
        }
        return "CREATE TABLE " + name + " (\n" + String.join(",\n", lines) + "\n)";
    }

    /** The options of an identity column's sequence that differ from what PostgreSQL would choose itself. */
    private static final String IDENTITY_OPTIONS = """
            coalesce(' (' || nullif(concat_ws(' ',
                CASE WHEN s.name <> s.default_name THEN 'SEQUENCE NAME ' || quote_ident(s.name) END,
                CASE WHEN s.seqtypid <> a.atttypid
                     THEN 'AS ' || format_type(s.seqtypid, NULL) END,
                CASE WHEN s.seqincrement <> 1 THEN 'INCREMENT BY ' || s.seqincrement END,
                CASE WHEN s.seqmin <> CASE WHEN s.seqincrement > 0 THEN 1
                                           ELSE CASE s.seqtypid WHEN 'smallint'::regtype THEN -32768
                                                                WHEN 'integer'::regtype THEN -2147483648
                                                                ELSE -9223372036854775808 END END
                     THEN 'MINVALUE ' || s.seqmin END,
                CASE WHEN s.seqmax <> CASE WHEN s.seqincrement < 0 THEN -1
                                           ELSE CASE s.seqtypid WHEN 'smallint'::regtype THEN 32767
                                                                WHEN 'integer'::regtype THEN 2147483647
                                                                ELSE 9223372036854775807 END END
                     THEN 'MAXVALUE ' || s.seqmax END,
                CASE WHEN s.seqstart <> CASE WHEN s.seqincrement > 0 THEN s.seqmin ELSE s.seqmax END
                     THEN 'START WITH ' || s.seqstart END,
                CASE WHEN s.seqcache <> 1 THEN 'CACHE ' || s.seqcache END,
                CASE WHEN s.seqcycle THEN 'CYCLE' END), '') || ')', '')
            """;

    private static final String FOREIGN_KEYS = """
            SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, con.conname,
                          pg_get_constraintdef(con.oid, true))
              FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
             WHERE con.contype = 'f' AND con.conrelid IN (%s)
             ORDER BY c.oid, con.oid
            """.replace("(%s)", "(" + USER_TABLES + ")");

    private static final String INDEXES = """
            SELECT regexp_replace(pg_get_indexdef(i.indexrelid), ' ON public\\.', ' ON ')
              FROM pg_index i
             WHERE i.indrelid IN (%s)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                                                                 AND con.conrelid = i.indrelid)
             ORDER BY i.indrelid, i.indexrelid
            """.replace("(%s)", "(" + USER_TABLES + ")");

    private static List<String> statistics(Handle handle) {
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT quote_ident(c.relname) AS table_name,
                               format('ALTER COLUMN %I SET STATISTICS %s', a.attname, a.attstattarget) AS alteration
                          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                         WHERE a.attrelid IN (%s) AND a.attnum > 0 AND NOT a.attisdropped AND a.attstattarget >= 0
                         ORDER BY c.oid, a.attnum
                        """.replace("(%s)", "(" + USER_TABLES + ")"))
                .mapToMap()
                .forEach(row -> byTable.computeIfAbsent((String) row.get("table_name"), table -> new ArrayList<>())
                        .add((String) row.get("alteration")));
        return byTable.entrySet().stream()
                .map(entry -> "ALTER TABLE " + entry.getKey() + "\n    " + String.join(",\n    ", entry.getValue()))
                .toList();
    }

    private static final String TRIGGERS = """
            SELECT pg_get_triggerdef(t.oid, true)
                   || CASE t.tgenabled WHEN 'O' THEN ''
                                       WHEN 'D' THEN format(E';\\nALTER TABLE %I DISABLE TRIGGER %I', c.relname, t.tgname)
                                       WHEN 'R' THEN format(E';\\nALTER TABLE %I ENABLE REPLICA TRIGGER %I', c.relname, t.tgname)
                                       WHEN 'A' THEN format(E';\\nALTER TABLE %I ENABLE ALWAYS TRIGGER %I', c.relname, t.tgname)
                      END
              FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             WHERE NOT t.tgisinternal AND t.tgrelid IN (%s)
             ORDER BY c.oid, t.oid
            """.replace("(%s)", "(" + USER_TABLES + ")");

    private static final String COMMENTS = """
            SELECT CASE WHEN d.objsubid = 0 THEN format('COMMENT ON TABLE %I IS %L', c.relname, d.description)
                        ELSE format('COMMENT ON COLUMN %I.%I IS %L', c.relname, a.attname, d.description) END
              FROM pg_description d
              JOIN pg_class c ON c.oid = d.objoid
              LEFT JOIN pg_attribute a ON a.attrelid = d.objoid AND a.attnum = d.objsubid
             WHERE d.classoid = 'pg_class'::regclass AND d.objoid IN (%s)
             ORDER BY c.oid, d.objsubid
            """.replace("(%s)", "(" + USER_TABLES + ")");

    /** The grantees of privileges in the schema, other than owners and PUBLIC. */
    private static final String GRANTEES = """
            SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
             WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'databasechangelog%'
               AND a.grantee NOT IN (0, c.relowner)
            UNION
            SELECT a.grantee FROM pg_namespace n, aclexplode(n.nspacl) a
             WHERE n.nspname = 'public' AND a.grantee NOT IN (0, n.nspowner)
            UNION
            SELECT a.grantee FROM pg_default_acl d, aclexplode(d.defaclacl) a
             WHERE d.defaclnamespace = 'public'::regnamespace AND a.grantee <> 0
            """;

    private static final String ROLES = """
            SELECT format(E'DO $$\\nBEGIN\\n    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %L) THEN\\n'
                          || E'        CREATE ROLE %I NOLOGIN;\\n    END IF;\\nEND\\n$$', rolname, rolname)
              FROM pg_roles WHERE oid IN (%s) ORDER BY rolname
            """.replace("(%s)", "(" + GRANTEES + ")");

    private static final String SCHEMA_PRIVILEGES = """
            SELECT format('GRANT %s ON SCHEMA public TO %I', string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type),
                          pg_get_userbyid(a.grantee))
              FROM pg_namespace n, aclexplode(n.nspacl) a
             WHERE n.nspname = 'public' AND a.grantee NOT IN (0, n.nspowner)
             GROUP BY a.grantee ORDER BY pg_get_userbyid(a.grantee)
            """;

    private static final String RELATION_PRIVILEGES = """
            SELECT format('GRANT %s ON %s%I TO %I', string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type),
                          CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE '' END, c.relname, pg_get_userbyid(a.grantee))
              FROM pg_class c, aclexplode(c.relacl) a
             WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'databasechangelog%'
               AND a.grantee NOT IN (0, c.relowner)
             GROUP BY c.oid, c.relkind, c.relname, a.grantee ORDER BY c.oid, pg_get_userbyid(a.grantee)
            """;

    private static final String DEFAULT_PRIVILEGES = """
            SELECT format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT %s ON %s TO %I',
                          string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type),
                          CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                               WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END,
                          pg_get_userbyid(a.grantee))
              FROM pg_default_acl d, aclexplode(d.defaclacl) a
             WHERE d.defaclnamespace = 'public'::regnamespace AND a.grantee <> 0
             GROUP BY d.defaclobjtype, a.grantee ORDER BY d.defaclobjtype DESC, pg_get_userbyid(a.grantee)
            """;

    /** The runtime role (created if absent) and what it may do: on the schema, its tables and sequences, and later. */
    private static List<String> privileges(Handle handle) {
        List<String> statements = new ArrayList<>(list(handle, ROLES));
        statements.addAll(list(handle, SCHEMA_PRIVILEGES));
        statements.addAll(list(handle, RELATION_PRIVILEGES));
        statements.addAll(list(handle, DEFAULT_PRIVILEGES));
        return statements;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** A long index definition goes on more lines: the name, what it indexes, and which rows. */
    private static String wrapIndex(String definition) {
        if (definition.length() <= WIDTH) {
            return definition;
        }
        String wrapped = breakBefore(definition, definition.indexOf(" ON "));
        String last = wrapped.substring(wrapped.lastIndexOf('\n') + 1);
        return last.length() <= WIDTH ? wrapped : breakBefore(wrapped, wrapped.lastIndexOf(" WHERE "));
    }

    private static String wrapForeignKey(String definition) {
        return definition.length() <= WIDTH
                ? definition
                : breakBefore(definition, definition.indexOf(" ADD CONSTRAINT "));
    }

    /** A long trigger goes on three lines: when it fires, for what, and what it runs. */
    private static String wrapTrigger(String definition) {
        int firstLineEnd = definition.indexOf('\n');
        String trigger = firstLineEnd < 0 ? definition : definition.substring(0, firstLineEnd);
        if (trigger.length() <= WIDTH) {
            return definition;
        }
        String wrapped = breakBefore(trigger, trigger.lastIndexOf(" EXECUTE FUNCTION "));
        wrapped = breakBefore(wrapped, wrapped.indexOf(" FOR EACH "));
        return wrapped + (firstLineEnd < 0 ? "" : definition.substring(firstLineEnd));
    }

    /** {@code text} with the space at {@code at} (if any) replaced by a new, indented line. */
    private static String breakBefore(String text, int at) {
        return at < 0 ? text : text.substring(0, at) + "\n    " + text.substring(at + 1);
    }

    /** A long constraint goes on two lines: its name, then its definition. */
    private static String wrapConstraint(String line) {
        if (line.length() <= WIDTH || line.contains("\n")) {
            return line;
        }
        int afterName = line.indexOf(' ', "    CONSTRAINT ".length());
        return line.substring(0, afterName) + "\n        " + line.substring(afterName + 1);
    }

    /** Wraps a comment line at {@link #WIDTH}, continuing with {@code continuation}. */
    private static String wrapComment(String line, String continuation) {
        StringBuilder wrapped = new StringBuilder();
        String rest = line;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= continuation.length()) {
                break;
            }
            wrapped.append(rest, 0, cut).append('\n');
            rest = continuation + rest.substring(cut + 1);
        }
        return wrapped.append(rest).append('\n').toString();
    }
}
