package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.postgres.checks.JdbiCheckRepository;
import com.mcpregistry.postgres.ownership.JdbiServerOwnerRepository;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PgbenchScriptTest {

    private static final Path SCRIPTS = Path.of("pgbench");
    private static final List<String> READ_SCRIPTS = List.of(
            "list.sql",
            "list-after.sql",
            "search.sql",
            "get.sql",
            "servers.sql",
            "servers-after.sql",
            "servers-search.sql",
            "servers-signed-in.sql");

    @Test
    void a_script_is_its_statements_with_a_parameter_where_each_variable_is() {
        PgbenchScript script = PgbenchScript.parse("""
                -- GET /something: a comment, with :not_a_variable in it
                SELECT a::text, ':quoted' FROM t WHERE b = :user_id AND c IN (:user_id, :limit2);

                SELECT 1 FROM u
                 WHERE d = ANY (:ids);
                """);

        assertThat(script.statements())
                .containsExactly(
                        new PgbenchScript.Statement(
                                "SELECT a::text, ':quoted' FROM t WHERE b = ? AND c IN (?, ?)",
                                List.of("user_id", "user_id", "limit2")),
                        new PgbenchScript.Statement("SELECT 1 FROM u WHERE d = ANY (?)", List.of("ids")));
    }

    @Test
    void a_read_script_has_no_meta_commands() {
        assertThatThrownBy(() -> PgbenchScript.parse("\\set n random(1, 10)\nSELECT :n\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_id_gets_a_copy_of_a_script_with_its_own_variables_and_the_comments_as_they_were() {
        String renamed = PgbenchScript.withVariablesRenamed(
                "-- :id stays here\nSELECT :id, :ids, :user_id, x::uuid FROM t WHERE n = ANY (:server_names)\n",
                Set.of("id", "ids", "server_names"),
                "7");

        assertThat(renamed)
                .isEqualTo("-- :id stays here\nSELECT :id7, :ids7, :user_id, x::uuid FROM t WHERE n = ANY"
                        + " (:server_names7)\n");
    }

    @Test
    void the_read_scripts_ask_for_statuses_and_owners_with_the_registrys_own_statements() throws Exception {
        String statuses = constant(JdbiCheckRepository.class, "STATUSES").replace(":registration_ids", ":ids");
        String owners = constant(JdbiServerOwnerRepository.class, "FIND").replace(":servers", ":server_names");

        for (String file : READ_SCRIPTS) {
            List<String> lines = Files.readAllLines(SCRIPTS.resolve(file)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("--"))
                    .toList();
            assertThat(lines).as(file).contains(statuses + ";");
            // The seed API says what the reader may do with each registration; the MCP Registry API does not.
            assertThat(lines.contains(owners + ";")).as(file).isEqualTo(!file.startsWith("servers"));
        }
    }

    @Test
    void the_floors_scripts_bind_what_the_floor_knows() throws Exception {
        assertThat(PgbenchScript.read(SCRIPTS.resolve("list.sql")).statements())
                .extracting(PgbenchScript.Statement::variables)
                .containsExactly(
                        List.of("user_id", "user_id", "status", "limit"), List.of("server_names"), List.of("ids"));
        assertThat(PgbenchScript.read(SCRIPTS.resolve("get.sql")).statements())
                .extracting(PgbenchScript.Statement::variables)
                .containsExactly(List.of("id"), List.of("server_names"), List.of("ids"));
        assertThat(PgbenchScript.read(SCRIPTS.resolve("servers.sql")).statements())
                .extracting(PgbenchScript.Statement::variables)
                .containsExactly(List.of("limit"), List.of("ids"));
    }

    /** A repository keeps its statements package-private; the scripts' copies are held to them here. */
    private static String constant(Class<?> repository, String name) throws ReflectiveOperationException {
        Field field = repository.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(null);
    }
}
