package com.mcpregistry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mcpregistry.bench.CursorWalker.AfterCreation;
import com.mcpregistry.bench.CursorWalker.AfterName;
import com.mcpregistry.bench.Row.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table's rows, with what each asks for (a deep page found by walking its cursor chain, 64 approved ids) and what
 * pgbench runs for it: the statements of its script with the values serve binds, those the page's own statement
 * returns read from serve's answer; the three rows the floor answers too.
 */
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

    /** get.sql's variables that each id's copy has its own of. */
    private static final Set<String> PER_ID = Set.of("id", "ids", "server_names");

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
    private final Answers answers;
    private final ObjectMapper json = new ObjectMapper();

    Rows(Path pgbenchScripts, Path scripts, BenchDatabase database, CursorWalker walker, Answers answers) {
        this.pgbenchScripts = pgbenchScripts;
        this.scripts = scripts;
        this.database = database;
        this.walker = walker;
        this.answers = answers;
    }

    /**
     * Every row, in the table's order. {@code anonymous} and {@code authenticated} are the two serve instances,
     * {@code floor} the floor, {@code token} the token of the first user (who walks the seed API's cursor chain, and
     * whose answers give the values pgbench binds), {@code deep} how many rows deep the deep pages are (fewer when the
     * database has fewer).
     */
    List<Row> all(
            ServeProcess anonymous, ServeProcess authenticated, ServeProcess floor, String token, int ids, int deep)
            throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        Optional<String> signedIn = Optional.of(token);

        int listDepth = depth(Long.parseLong(database.value(APPROVED)), deep);
        String listCursor = walker.walk(
                anonymous.base().resolve("/registrations?status=Approved&limit=100"),
                "/next_cursor",
                listDepth / 100,
                signedIn);
        AfterCreation after = AfterCreation.decode(listCursor);
        int serversDepth = depth(Long.parseLong(database.value(PUBLISHED)), deep);
        String serversCursor = walker.walk(
                anonymous.base().resolve("/v0.1/servers?limit=100"),
                "/metadata/nextCursor",
                serversDepth / 100,
                Optional.empty());
        AfterName afterName = AfterName.decode(serversCursor);

        rows.add(page(
                "GET /registrations?status=Approved (first page)",
                anonymous,
                signedIn,
                "list",
                "/registrations?status=Approved&limit=20",
                Optional.of(floor),
                "list.sql",
                "status=Approved",
                SEED_PAGE));
        rows.add(page(
                "GET /registrations?status=Approved (page " + listDepth + " rows deep)",
                anonymous,
                signedIn,
                "list-deep",
                "/registrations?status=Approved&limit=20&cursor=" + listCursor,
                Optional.empty(),
                "list-after.sql",
                "status=Approved",
                "after_at=" + after.at(),
                "after_id=" + after.id(),
                SEED_PAGE));
        for (SearchTerm term : SEARCH_TERMS) {
            rows.add(page(
                    "GET /registrations?search=" + term.word() + " (" + term.found() + ")",
                    anonymous,
                    signedIn,
                    "search-" + term.kind(),
                    "/registrations?search=" + term.word() + "&limit=20",
                    Optional.empty(),
                    "search.sql",
                    "pattern=%" + term.word() + "%",
                    SEED_PAGE));
        }
        rows.add(byId(anonymous, token, floor, database.column(APPROVED_IDS, ids)));
        rows.add(page(
                "GET /v0.1/servers?limit=30 (first page)",
                anonymous,
                Optional.empty(),
                "servers",
                "/v0.1/servers?limit=30",
                Optional.of(floor),
                "servers.sql",
                SERVERS_PAGE));
        rows.add(page(
                "GET /v0.1/servers?limit=30 (page " + serversDepth + " deep)",
                anonymous,
                Optional.empty(),
                "servers-deep",
                "/v0.1/servers?limit=30&cursor=" + serversCursor,
                Optional.empty(),
                "servers-after.sql",
                "after_name=" + afterName.name(),
                "after_version=" + afterName.version(),
                "after_id=" + afterName.id(),
                SERVERS_PAGE));
        for (SearchTerm term : SEARCH_TERMS) {
            rows.add(page(
                    "GET /v0.1/servers?search=" + term.word() + " (" + term.found() + ")",
                    anonymous,
                    Optional.empty(),
                    "servers-search-" + term.kind(),
                    "/v0.1/servers?limit=30&search=" + term.word(),
                    Optional.empty(),
                    "servers-search.sql",
                    "pattern=%" + term.word() + "%",
                    SERVERS_PAGE));
        }
        // The same page on the instance with REGISTRY_PUBLIC_API=authenticated: what authentication costs.
        rows.add(page(
                "GET /v0.1/servers?limit=30 (first page), signed in",
                authenticated,
                signedIn,
                "servers-signed-in",
                "/v0.1/servers?limit=30",
                Optional.empty(),
                "servers-signed-in.sql",
                SERVERS_PAGE));
        rows.add(new Row(
                "POST /registrations (+ audit event)",
                Kind.WRITE,
                anonymous,
                true,
                Optional.empty(),
                script("submit.sql", "chain_lock=" + CHAIN_LOCK),
                "prepared",
                Optional.empty()));
        return rows;
    }

    /** A page {@code deep} rows into a list of {@code size}, in whole pages of 100, short of its last page. */
    static int depth(long size, int deep) {
        return size - 100 < deep ? (int) ((size - 100) / 100 * 100) : deep;
    }

    /**
     * A row that asks for one page: pgbench runs {@code file} with {@code variables} and with the ids and server
     * names serve's answer to {@code path} shows (asked once, now, as wrk will ask it); protocol {@code extended} for
     * a search, which the registry never prepares on the server.
     */
    private Row page(
            String name,
            ServeProcess serve,
            Optional<String> token,
            String slug,
            String path,
            Optional<ServeProcess> floor,
            String file,
            String... variables)
            throws IOException, InterruptedException {
        List<String> pgbench = script(file, variables);
        pgbench.addAll(shown(serve, path, token).variables(""));
        Path paths = Files.writeString(scripts.resolve(slug + ".paths"), path + "\n");
        String protocol = file.contains("search") ? "extended" : "prepared";
        return new Row(name, Kind.READ, serve, token.isPresent(), Optional.of(paths), pgbench, protocol, floor);
    }

    /**
     * pgbench has no string functions to pick one of several ids: one copy of get.sql per id, each with its own
     * variables ({@code :id3}, {@code :ids3}, {@code :server_names3}), and pgbench picks a script at random for each
     * transaction.
     */
    private Row byId(ServeProcess serve, String token, ServeProcess floor, List<String> ids)
            throws IOException, InterruptedException {
        String getSql = Files.readString(pgbenchScripts.resolve("get.sql"));
        List<String> arguments = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String suffix = Integer.toString(i);
            Path copy = scripts.resolve("get-" + i + ".sql");
            Files.writeString(copy, PgbenchScript.withVariablesRenamed(getSql, PER_ID, suffix));
            String path = "/registrations/" + ids.get(i);
            arguments.addAll(List.of("-f", copy.toString(), "-D", "id" + i + "=" + ids.get(i)));
            arguments.addAll(shown(serve, path, Optional.of(token)).variables(suffix));
            paths.add(path);
        }
        Files.write(scripts.resolve("ids.txt"), ids);
        Path getPaths = scripts.resolve("get.paths");
        Files.write(getPaths, paths);
        return new Row(
                "GET /registrations/{id}",
                Kind.READ,
                serve,
                true,
                Optional.of(getPaths),
                arguments,
                "prepared",
                Optional.of(floor));
    }

    /** The ids and server names serve's answer to {@code path} shows. */
    private PageValues shown(ServeProcess serve, String path, Optional<String> token)
            throws IOException, InterruptedException {
        return PageValues.of(json.readTree(answers.get(serve, path, token)));
    }

    private List<String> script(String file, String... variables) {
        List<String> arguments =
                new ArrayList<>(List.of("-f", pgbenchScripts.resolve(file).toString()));
        for (String variable : variables) {
            arguments.addAll(List.of("-D", variable));
        }
        return arguments;
    }
}
