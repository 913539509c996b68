package com.mcpregistry.domain.serverjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** As VS Code's mcpManagementService.ts turns a registry's remote into its mcp.json entry. */
class RemoteConfigurationTest {

    private static Input input(Optional<String> description, Optional<String> value, boolean secret) {
        return new Input(
                description, false, InputFormat.STRING, value, secret, Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void the_url_is_kept_exactly_as_published_even_with_its_variables() {
        Remote remote = new Remote(
                RemoteTransport.STREAMABLE_HTTP,
                new UrlTemplate("https://{tenant}.Ledger.example.com:443/mcp/"),
                List.of(),
                new Variables(Map.of("tenant", Input.NONE)));

        RemoteConfiguration configuration = RemoteConfiguration.of(remote);

        assertThat(configuration.url()).isEqualTo("https://{tenant}.Ledger.example.com:443/mcp/");
        assertThat(configuration.headers()).isEmpty();
        assertThat(configuration.prompts()).isEmpty();
    }

    @Test
    void a_header_variable_becomes_an_input_reference_and_a_prompt() {
        Map<String, Input> variables = new LinkedHashMap<>();
        variables.put("token", input(Optional.of("Your ledger token"), Optional.empty(), true));
        Remote remote = new Remote(
                RemoteTransport.SSE,
                new UrlTemplate("https://ledger.example.com/sse"),
                List.of(
                        new KeyValueInput(
                                "Authorization",
                                input(Optional.empty(), Optional.of("Bearer {token}"), false),
                                new Variables(variables)),
                        new KeyValueInput(
                                "X-Region",
                                input(Optional.of("Where your data lives"), Optional.empty(), false),
                                Variables.NONE),
                        new KeyValueInput(
                                "X-Client", input(Optional.empty(), Optional.of("vscode"), false), Variables.NONE),
                        new KeyValueInput("X-Empty", Input.NONE, Variables.NONE)),
                Variables.NONE);

        RemoteConfiguration configuration = RemoteConfiguration.of(remote);

        assertThat(configuration.transport()).isEqualTo(RemoteTransport.SSE);
        assertThat(configuration.headers())
                .containsExactly(
                        Map.entry("Authorization", "Bearer ${input:token}"),
                        Map.entry("X-Region", "${input:X-Region}"),
                        Map.entry("X-Client", "vscode"),
                        Map.entry("X-Empty", ""));
        assertThat(configuration.prompts())
                .containsExactly(
                        new InstallCommand.Prompt(
                                "token", false, "Your ledger token", true, Optional.empty(), List.of()),
                        new InstallCommand.Prompt(
                                "X-Region", false, "Where your data lives", false, Optional.empty(), List.of()));
    }
}
