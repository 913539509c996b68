package com.mcpregistry.bench;

import com.mcpregistry.bench.CursorWalker.AfterCreation;
import com.mcpregistry.bench.CursorWalker.AfterName;
import com.mcpregistry.bench.Row.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table's rows, with what each asks for: a deep page found by walking its cursor chain, 64 approved ids. */
final class Rows {

    /**
     * bench/sql/seed.sql puts 'quokka' in about 1 % of titles and descriptions and 'zebrafish' in 40 registrations'
     * descriptions, at any size.
     */
    static final String COMMON_TERM = "quokka";

    static final String RARE_TERM = "zebrafish";

    /** A searched word, how many rows it is in, and the row's file-name kind. */
    record SearchTerm(String word, String found, String kind) {}

    /** Both searches of each API, each with a word in 1 % of the rows and one in 40 rows at any size. */
    static final List<SearchTerm> SEARCH_TERMS =
            List.of(new SearchTerm(COMMON_TERM, "1 % of rows", "common"), new SearchTerm(RARE_TERM, "40 rows", "rare"));

    /**
     * The audit chain's advisory lock, which pgbench's submission takes: JdbiAuditTrail.CHAIN_LOCK, which keeps it
     * package-private; RowsTest holds the two equal.
     */
    static final long CHAIN_LOCK = 0x6d63702d61756474L;

    /** The seed API's default page of 20, and the row that tells whether more follow. */
    private static final String SEED_PAGE = "limit=21";

    /** The MCP Registry API's page of 30, likewise. */
    private static final String SERVERS_PAGE = "limit=31";

    private static final String APPROVED_IDS =
            "SELECT id FROM registrations WHERE status = 'Approved' ORDER BY md5(id::text) LIMIT ?";
    private static final String APPROVED =
            "SELECT count(*) FROM registrations WHERE status = 'Approved' AND deleted_at IS NULL";
    private static final String PUBLISHED =
            "SELECT count(*) FROM registrations WHERE published_at IS NOT NULL AND deleted_at IS NULL";

    private final Path pgbenchScripts;
    private final Path scripts;
    private final BenchDatabase database;
    private final CursorWalker walker;

    Rows(Path pgbenchScripts, Path scripts, BenchDatabase database, CursorWalker walker) {
        this.pgbenchScripts = pgbenchScripts;
        this.scripts = scripts;
        this.database = database;
        this.walker = walker;
    }

    /**
     * Every row, in the table's order. {@code anonymous} and {@code authenticated} are the two serve instances,
     * {@code token} the token that walks the seed API's cursor chain, {@code deep} how many rows deep the deep pages
     * are (fewer when the database has fewer).
     */
    List<Row> all(ServeProcess anonymous, ServeProcess authenticated, String token, int ids, int deep)
            throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();

        int listDepth = depth(Long.parseLong(database.value(APPROVED)), deep);
        String listCursor = walker.walk(
                anonymous.base().resolve("/registrations?status=Approved&limit=100"),
                "/next_cursor",
                listDepth / 100,
                Optional.of(token));
        AfterCreation after = AfterCreation.decode(listCursor);
        int serversDepth = depth(Long.parseLong(database.value(PUBLISHED)), deep);
        String serversCursor = walker.walk(
                anonymous.base().resolve("/v0.1/servers?limit=100"),
                "/metadata/nextCursor",
                serversDepth / 100,
                Optional.empty());
        AfterName afterName = AfterName.decode(serversCursor);

        rows.add(read(
                "GET /registrations?status=Approved (first page)",
                anonymous,
                true,
                paths("list", "/registrations?status=Approved&limit=20"),
                script("list.sql", "status=Approved", SEED_PAGE),
                "prepared"));
        rows.add(read(
                "GET /registrations?status=Approved (page " + listDepth + " rows deep)",
                anonymous,
                true,
                paths("list-deep", "/registrations?status=Approved&limit=20&cursor=" + listCursor),
                script(
                        "list-after.sql",
                        "status=Approved",
                        "after_at=" + after.at(),
                        "after_id=" + after.id(),
                        SEED_PAGE),
                "prepared"));
        for (SearchTerm term : SEARCH_TERMS) {
            rows.add(read(
                    "GET /registrations?search=" + term.word() + " (" + term.found() + ")",
                    anonymous,
                    true,
                    paths("search-" + term.kind(), "/registrations?search=" + term.word() + "&limit=20"),
                    script("search.sql", "pattern=%" + term.word() + "%", SEED_PAGE),
                    "extended"));
        }
        rows.add(byId(anonymous, database.column(APPROVED_IDS, ids)));
        Path servers = paths("servers", "/v0.1/servers?limit=30");
        rows.add(read(
                "GET /v0.1/servers?limit=30 (first page)",
                anonymous,
                false,
                servers,
                script("servers.sql", SERVERS_PAGE),
                "prepared"));
        rows.add(read(
                "GET /v0.1/servers?limit=30 (page " + serversDepth + " deep)",
                anonymous,
                false,
                paths("servers-deep", "/v0.1/servers?limit=30&cursor=" + serversCursor),
                script(
                        "servers-after.sql",
                        "after_name=" + afterName.name(),
                        "after_version=" + afterName.version(),
                        "after_id=" + afterName.id(),
                        SERVERS_PAGE),
                "prepared"));
        for (SearchTerm term : SEARCH_TERMS) {
            rows.add(read(
                    "GET /v0.1/servers?search=" + term.word() + " (" + term.found() + ")",
                    anonymous,
                    false,
                    paths("servers-search-" + term.kind(), "/v0.1/servers?limit=30&search=" + term.word()),
                    script("servers-search.sql", "pattern=%" + term.word() + "%", SERVERS_PAGE),
                    "extended"));
        }
        // The same page on the instance with REGISTRY_PUBLIC_API=authenticated: what authentication costs.
        rows.add(read(
                "GET /v0.1/servers?limit=30 (first page), signed in",
                authenticated,
                true,
                servers,
                script("servers-signed-in.sql", SERVERS_PAGE),
                "prepared"));
        rows.add(new Row(
                "POST /registrations (+ audit event)",
                Kind.WRITE,
                anonymous,
                true,
                Optional.empty(),
                script("submit.sql", "chain_lock=" + CHAIN_LOCK),
                "prepared"));
        return rows;
    }

    /** A page {@code deep} rows into a list of {@code size}, in whole pages of 100, short of its last page. */
    static int depth(long size, int deep) {
        return size - 100 < deep ? (int) ((size - 100) / 100 * 100) : deep;
    }

    /**
     * pgbench has no string functions to pick one of several ids: one copy of get.sql per id, each bound to its own
     * variable, and pgbench picks a script at random for each transaction.
     */
    private Row byId(ServeProcess serve, List<String> ids) throws IOException {
        String getSql = Files.readString(pgbenchScripts.resolve("get.sql"));
        List<String> arguments = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Path copy = scripts.resolve("get-" + i + ".sql");
            Files.writeString(copy, getSql.replace(":BENCH_ID", ":id" + i));
            arguments.addAll(List.of("-f", copy.toString(), "-D", "id" + i + "=" + ids.get(i)));
            paths.add("/registrations/" + ids.get(i));
        }
        Files.write(scripts.resolve("ids.txt"), ids);
        Path getPaths = scripts.resolve("get.paths");
        Files.write(getPaths, paths);
        return read("GET /registrations/{id}", serve, true, getPaths, arguments, "prepared");
    }

    private static Row read(
            String name, ServeProcess serve, boolean signedIn, Path paths, List<String> pgbench, String protocol) {
        return new Row(name, Kind.READ, serve, signedIn, Optional.of(paths), pgbench, protocol);
    }

    private List<String> script(String file, String... variables) {
        List<String> arguments =
                new ArrayList<>(List.of("-f", pgbenchScripts.resolve(file).toString()));
        for (String variable : variables) {
            arguments.addAll(List.of("-D", variable));
        }
        return arguments;
    }

    private Path paths(String name, String path) throws IOException {
        return Files.writeString(scripts.resolve(name + ".paths"), path + "\n");
    }
}
