package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.postgres.shared.SqlErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schema holds the domain's rules itself, so that a writer that bypasses the domain (a script, a bug, another
 * service) cannot store what the registry would never accept. Rows here are written with plain SQL.
 */
class DatabaseRulesTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final User submitter = database.adapters().users().save(Fixtures.user());

    /** A valid registration row as SQL literals, with {@code column} set to {@code literal}. */
    private Map<String, String> rowWith(String column, String literal) {
        String namespace = Fixtures.namespace();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "'" + UUID.randomUUID() + "'");
        row.put("server_name", "'" + namespace + "/tools'");
        row.put("version", "'1.0.0'");
        row.put("title", "'Tools'");
        row.put("description", "'Does things'");
        row.put("owner_contact", "'owner@example.com'");
        row.put("tags", "'{}'");
        row.put("submitter_id", "'" + submitter.id() + "'");
        row.put("status", "'Pending'");
        row.put("created_at", "now()");
        row.put("updated_at", "now()");
        row.put("row_version", "1");
        row.put(column, literal);
        // The document the registry would store for the row's columns, unless the test is about the document.
        row.putIfAbsent(
                "server_json",
                PlainSqlDocuments.oneRemote(
                        row.get("server_name"),
                        row.get("version"),
                        row.get("title"),
                        row.get("description"),
                        "'https://" + namespace + ".example.com/mcp'"));
        return row;
    }

    private void insert(Map<String, String> row) {
        String sql = "INSERT INTO registrations (" + String.join(", ", row.keySet()) + ") VALUES ("
                + row.values().stream().collect(Collectors.joining(", ")) + ")";
        SqlErrors.translating(() -> database.jdbi().withHandle(handle -> handle.execute(sql)));
    }

    @Test
    void a_valid_row_is_accepted() {
        assertThatCode(() -> insert(rowWith("title", "'Valid'"))).doesNotThrowAnyException();
    }

    @Test
    void a_document_without_a_title_and_a_registration_without_an_owner_contact_are_accepted() {
        Map<String, String> row = rowWith("title", "NULL");
        row.put("owner_contact", "NULL");

        assertThatCode(() -> insert(row)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} = {1} breaks the rule on {2}")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "server_name       ; 'no-slash'                                  ; server_name",
                "server_name       ; 'a/'                                        ; server_name",
                "server_name       ; 'com.example/' || repeat('x', 200)          ; server_name",
                "server_name       ; 'com.example/with space'                    ; server_name",
                "version           ; 'latest'                                    ; version",
                "version           ; '^1.2'                                      ; version",
                "version           ; repeat('1', 256)                            ; version",
                "title             ; ''                                          ; title",
                "title             ; repeat('t', 101)                            ; title",
                "description       ; repeat('d', 101)                            ; description",
                "owner_contact     ; ''                                          ; owner_contact",
                "server_json       ; '[]'                                        ; server_json",
                "server_json       ; jsonb_build_object('name', 'com.example/other', 'version', '1.0.0') ; server_json",
                "tags              ; '{a,b,c,d,e,f,g,h,i,j,k}'                   ; tags",
                "tags              ; ARRAY[repeat('t', 33)]                      ; tags",
                "tags              ; ARRAY['']                                   ; tags",
                "status            ; 'Published'                                 ; status",
                "status_reason     ; ''                                          ; status_reason",
                "reviewed_at       ; now()                                       ; review",
                "row_version       ; 0                                           ; row_version"
            })
    void the_database_refuses_a_registration_the_domain_would_never_build(String column, String literal, String field) {
        assertThatThrownBy(() -> insert(rowWith(column, literal)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo(field)));
    }

    @Test
    void a_registration_of_an_unknown_submitter_is_refused() {
        assertThatThrownBy(() -> insert(rowWith("submitter_id", "'" + UUID.randomUUID() + "'")))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void two_users_with_one_entra_identity_are_refused() {
        String sql = "INSERT INTO users (id, tid, oid, display_name, created_at, updated_at, last_seen_at)"
                + " VALUES (gen_random_uuid(), '" + submitter.identity().tenantId() + "', '"
                + submitter.identity().objectId() + "', 'Twin', now(), now(), now())";

        assertThatThrownBy(() -> SqlErrors.translating(() -> database.jdbi().withHandle(handle -> handle.execute(sql))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void the_field_of_a_rule_is_named_by_its_constraint() {
        assertThat(SqlErrors.fieldOf("registrations_server_name_pattern")).isEqualTo("server_name");
        assertThat(SqlErrors.fieldOf("audit_log_request_id_length")).isEqualTo("request_id");
        assertThat(SqlErrors.fieldOf("users_display_name_length")).isEqualTo("display_name");
        assertThat(SqlErrors.fieldOf("unprefixed")).isEqualTo("unprefixed");
    }
}
