package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.ownership.NamespaceClaim;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.postgres.audit.AuditTrailGuard;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.service.RegistrationService;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two database roles, set up on a PostgreSQL server of this class's own as the README's set-up for Azure Database
 * for PostgreSQL does it, where the administrator is no superuser but has CREATEROLE and CREATEDB: a schema owner that
 * migrates, and a login role granted {@code registry_runtime} that the registry runs as. The runtime role can use the
 * registry but can neither change, remove nor truncate audit events, nor switch their guard off. The tests run in
 * order: the first two set the roles up as an operator would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeastPrivilegeRolesTest {

    private static final String DATABASE = "registry";
    private static StoppablePostgres server;

    @BeforeAll
    static void aServerWithAnAdministratorLikeAzures() throws IOException {
        server = StoppablePostgres.start();
        Jdbi platform = Jdbi.create(as("postgres", "postgres"));
        platform.useHandle(handle -> handle.execute("CREATE ROLE azure_admin LOGIN CREATEROLE CREATEDB"));
        // The README's statements, run by the administrator.
        Jdbi admin = Jdbi.create(as("azure_admin", "postgres"));
        admin.useHandle(handle -> {
            handle.execute("CREATE ROLE registry_owner LOGIN PASSWORD 'owner-secret'");
            handle.execute("CREATE ROLE registry_app LOGIN PASSWORD 'app-secret'");
            handle.execute("CREATE DATABASE " + DATABASE);
            handle.execute("CREATE DATABASE owned_by_admin");
        });
        Jdbi.create(as("azure_admin", DATABASE)).useHandle(handle -> {
            handle.execute("GRANT CREATE ON DATABASE " + DATABASE + " TO registry_owner");
            handle.execute("GRANT CREATE ON SCHEMA public TO registry_owner");
        });
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static DataSource as(String role, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.jdbcUrl().replaceFirst("/postgres\\?.*$", "/" + database));
        dataSource.setUser(role);
        return dataSource;
    }

    private static boolean runtimeRoleExists() {
        return Jdbi.create(as("postgres", "postgres"))
                        .withHandle(handle -> handle.createQuery(
                                        "SELECT count(*) FROM pg_roles WHERE rolname = 'registry_runtime'")
                                .mapTo(Integer.class)
                                .one())
                == 1;
    }

    private static List<String> applied(String role, String database) {
        return Jdbi.create(as(role, database))
                .withHandle(handle -> handle.createQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")
                        .mapTo(String.class)
                        .list());
    }

    @Test
    @Order(1)
    void an_owner_without_createrole_migrates_and_leaves_the_runtime_grants_until_registry_runtime_exists() {
        new SchemaMigrator(as("registry_owner", DATABASE)).migrate();

        assertThat(runtimeRoleExists()).isFalse();
        assertThat(applied("registry_owner", DATABASE))
                .contains("005-audit-log", "014-audit-log-key-id")
                .doesNotContain("016-runtime-role");
    }

    @Test
    @Order(2)
    void a_migrating_role_with_createrole_creates_registry_runtime_and_the_owner_then_grants_to_it() {
        new SchemaMigrator(as("azure_admin", "owned_by_admin")).migrate();

        assertThat(runtimeRoleExists()).isTrue();
        assertThat(applied("azure_admin", "owned_by_admin")).contains("016-runtime-role");

        new SchemaMigrator(as("registry_owner", DATABASE)).migrate();
        Jdbi.create(as("azure_admin", DATABASE))
                .useHandle(handle -> handle.execute("GRANT registry_runtime TO registry_app"));

        assertThat(applied("registry_owner", DATABASE)).endsWith("016-runtime-role");
        boolean canLogIn = Jdbi.create(as("postgres", "postgres"))
                .withHandle(handle -> handle.createQuery(
                                "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'registry_runtime'")
                        .mapTo(Boolean.class)
                        .one());
        assertThat(canLogIn).as("registry_runtime is a group, not a login").isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                "DROP TRIGGER audit_log_append_only ON audit_log",
                "UPDATE audit_log SET reason = 'rewritten'",
                "DELETE FROM audit_log",
                "TRUNCATE audit_log",
                "SET session_replication_role = replica",
                "CREATE TRIGGER sneaky BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
                "GRANT registry_owner TO registry_app",
                "SET ROLE registry_owner"
            })
    @Order(3)
    void the_runtime_role_cannot_change_remove_or_truncate_audit_events_nor_switch_their_guard_off(String statement) {
        Jdbi runtime = Jdbi.create(as("registry_app", DATABASE));

        assertThatThrownBy(() -> runtime.useHandle(handle -> handle.execute(statement)))
                .hasMessageMatching("(?s).*(permission denied|must be owner|must have admin option).*");
    }

    @Test
    @Order(4)
    void the_registry_works_as_the_runtime_role_and_its_chain_verifies() {
        PostgresAdapters adapters =
                new PostgresAdapters(as("registry_app", DATABASE), TestDatabase.AUDIT_CHAIN, TestDatabase.SERVER_JSON);
        RegistrationService service = new RegistrationService(
                adapters.registrations(),
                adapters.publishedServers(),
                adapters.auditTrail(),
                adapters.idempotencyKeys(),
                adapters.transactions(),
                TestClock.systemTime(),
                TestDatabase.ownership(adapters));
        User submitter = adapters.users().save(Fixtures.user());
        User admin = adapters.users().save(Fixtures.user());
        String namespace = Fixtures.namespace();
        NamespaceClaim claim = new NamespaceClaim(
                new NamespacePrefix(namespace),
                Owners.of(Owner.user(submitter.id()), Owner.group(Fixtures.group())),
                Optional.of(admin.id()),
                Instant.parse("2025-03-01T09:00:00Z"));
        adapters.namespaceClaims().insert(claim);

        Registration submitted = service.submit(new SubmitRegistration(
                submitter.actor(false),
                new ServerName(namespace + "/tools"),
                Version.DEFAULT,
                Fixtures.details("https://tools.example.com/mcp"),
                Optional.empty(),
                Optional.of("req-submit")));
        Registration approved = service.changeStatus(new ChangeStatus(
                admin.actor(true),
                submitted.id(),
                RegistrationStatus.APPROVED,
                Optional.empty(),
                Optional.empty(),
                Optional.of("req-approve")));

        assertThat(approved.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(adapters.auditTrail().history(submitted.id()))
                .extracting(entry -> entry.event().action())
                .containsExactly(AuditAction.SUBMIT, AuditAction.APPROVE);
        assertThat(adapters.auditTrail().verify().intact()).isTrue();
        assertThat(adapters.auditTrail().head().events()).isEqualTo(2);
        assertThat(adapters.serverOwners().find(submitted.serverName()))
                .as("the claim's owners and the submitter own the new server")
                .contains(claim.owners());
        assertThat(adapters.namespaceClaims().delete(claim.prefix())).isTrue();
    }

    @Test
    @Order(7)
    void the_runtime_role_reads_and_writes_every_table_but_the_audit_trail_and_the_schema_history() {
        Jdbi runtime = Jdbi.create(as("registry_app", DATABASE));
        List<String> tables = runtime.withHandle(handle -> handle.createQuery(
                        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
                                + " AND relname NOT IN ('audit_log', 'databasechangelog', 'databasechangeloglock')")
                .mapTo(String.class)
                .list());
        List<String> lacking = runtime.withHandle(handle -> handle.createQuery(
                        "SELECT table_name || ': ' || privilege FROM unnest(CAST(:tables AS text[])) AS table_name"
                                + " CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS privilege"
                                + " WHERE NOT has_table_privilege(table_name, privilege)")
                .bindArray("tables", String.class, tables)
                .mapTo(String.class)
                .list());

        assertThat(tables).contains("registrations", "server_owners", "namespace_claims", "namespace_claim_owners");
        assertThat(lacking).isEmpty();
    }

    @Test
    @Order(5)
    void the_runtime_role_finds_an_up_to_date_schema_without_changing_it() {
        List<String> before = applied("registry_owner", DATABASE);

        new SchemaMigrator(as("registry_app", DATABASE)).migrate();

        assertThat(applied("registry_owner", DATABASE)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void the_guard_check_names_what_lets_a_role_get_round_it_and_nothing_for_the_runtime_role() {
        assertThat(AuditTrailGuard.connectedRole(Jdbi.create(as("registry_app", DATABASE))))
                .isEqualTo(new AuditTrailGuard.Role("registry_app", List.of()));
        assertThat(AuditTrailGuard.connectedRole(Jdbi.create(as("registry_owner", DATABASE)))
                        .waysAround())
                .containsExactly("it owns audit_log");
        assertThat(AuditTrailGuard.connectedRole(Jdbi.create(as("azure_admin", "owned_by_admin")))
                        .waysAround())
                .containsExactly("it owns audit_log", "it may create and grant roles (CREATEROLE)");
        assertThat(AuditTrailGuard.connectedRole(Jdbi.create(as("postgres", DATABASE)))
                        .waysAround())
                .containsExactly("it is a superuser");
    }
}
