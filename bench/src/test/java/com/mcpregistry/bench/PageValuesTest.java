package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_seed_api_page_gives_the_ids_it_shows_and_each_server_name_once() throws IOException {
        PageValues values = PageValues.of(recorded("registrations-approved.json"));

        assertThat(values.ids()).hasSize(20).doesNotHaveDuplicates();
        assertThat(values.ids().get(0))
                .isEqualTo(recorded("registrations-approved.json")
                        .at("/items/0/registration_id")
                        .asText());
        // Versions of one server follow each other in creation order: 20 registrations, 5 servers.
        assertThat(values.serverNames()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void one_registration_gives_its_id_and_server_name() throws IOException {
        PageValues values = PageValues.of(recorded("registration.json"));

        assertThat(values.ids()).containsExactly("78bae7db-7c8f-4956-8dec-b986a4716af4");
        assertThat(values.serverNames()).containsExactly("com.adventureworks.team952/ledger-952");
        assertThat(values.variables("3"))
                .containsExactly(
                        "-D",
                        "ids3={\"78bae7db-7c8f-4956-8dec-b986a4716af4\"}",
                        "-D",
                        "server_names3={\"com.adventureworks.team952/ledger-952\"}");
    }

    @Test
    void a_catalogue_page_gives_the_registrations_behind_its_versions() throws IOException {
        PageValues values = PageValues.of(recorded("servers.json"));

        assertThat(values.ids()).hasSize(30).doesNotHaveDuplicates();
        assertThat(values.ids().get(0)).isEqualTo("7ebb93a7-dc02-4b8f-92b6-4c1c95c39b1b");
    }

    @Test
    void an_array_literal_quotes_each_value() {
        assertThat(PageValues.arrayLiteral(List.of("a/b", "say \"hi\"", "back\\slash")))
                .isEqualTo("{\"a/b\",\"say \\\"hi\\\"\",\"back\\\\slash\"}");
        assertThat(PageValues.arrayLiteral(List.of())).isEqualTo("{}");
    }

    private static JsonNode recorded(String answer) throws IOException {
        try (InputStream in = PageValuesTest.class.getResourceAsStream("/serve/" + answer)) {
            return JSON.readTree(in);
        }
    }
}
