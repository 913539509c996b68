package com.mcpregistry.domain.policy;

import static com.mcpregistry.domain.testing.RegistrationTestData.T0;
import static com.mcpregistry.domain.testing.RegistrationTestData.aRegistration;
import static com.mcpregistry.domain.testing.RegistrationTestData.from;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Argument;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.Input;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.RegistryType;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.Transport;
import com.mcpregistry.domain.serverjson.UrlPattern;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.serverjson.Variables;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientPolicyTest {

    private static Remote remote(String url) {
        Map<String, Input> variables = new LinkedHashMap<>();
        new UrlTemplate(url).variableNames().forEach(name -> variables.put(name, input().build()));
        return new Remote(RemoteTransport.STREAMABLE_HTTP, new UrlTemplate(url), List.of(), new Variables(variables));
    }

    private static Package npm(String identifier, String version, List<Argument> arguments) {
        return new Package(
                RegistryType.NPM,
                Optional.empty(),
                identifier,
                Optional.of(new Version(version)),
                Optional.empty(),
                Optional.empty(),
                new Transport.Stdio(),
                List.of(),
                arguments,
                List.of());
    }

    private static Registration version(
            String server, String version, RegistrationStatus status, List<Package> packages, List<Remote> remotes) {
        ServerDefinition definition = new ServerDefinition(
                new Description("A server"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                packages,
                remotes,
                Optional.empty());
        return aRegistration()
                .withServerName(server)
                .withVersion(version)
                .withStatus(status)
                .withDetails(new ServerDetails(definition, Optional.empty(), Tags.NONE))
                .build();
    }

    private static Registration deleted(Registration registration) {
        return from(registration).deletedAt(T0).build();
    }

    private static ServerMatcher url(String pattern) {
        return new ServerMatcher.Url(new UrlPattern(pattern));
    }

    private static ServerMatcher command(String... line) {
        return new ServerMatcher.Command(List.of(line));
    }

    private static ServerMatcher name(String name) {
        return new ServerMatcher.Name(name);
    }

    private static ClientPolicy policy(PolicyFormat format, Set<RegistrationId> drifted, Registration... versions) {
        return ClientPolicy.of(format, List.of(versions), drifted);
    }

    @Test
    void an_approved_version_is_allowed_by_its_remotes_urls_and_its_packages_command_lines() {
        Registration ledger = version(
                "com.contoso/ledger",
                "1.0.0",
                RegistrationStatus.APPROVED,
                List.of(npm("@contoso/ledger", "1.0.0", List.of())),
                List.of(remote("https://Ledger.Contoso.com/mcp")));

        ClientPolicy vscode = policy(PolicyFormat.VSCODE, Set.of(), ledger);
        ClientPolicy claude = policy(PolicyFormat.CLAUDE_CODE, Set.of(), ledger);

        assertThat(vscode.allowed())
                .containsExactly(url("https://ledger.contoso.com/mcp"), command("npx", "@contoso/ledger@1.0.0"));
        assertThat(claude.allowed())
                .containsExactly(url("https://Ledger.Contoso.com/mcp"), command("npx", "@contoso/ledger@1.0.0"));
        assertThat(vscode.denied()).isEmpty();
    }

    @Test
    void a_server_of_packages_alone_is_allowed_by_name_too_where_vs_code_checks_it_so_before_installing_it() {
        Registration packagesOnly = version(
                "com.contoso/files",
                "1.0.0",
                RegistrationStatus.APPROVED,
                List.of(npm("@contoso/files", "1.0.0", List.of())),
                List.of());

        assertThat(policy(PolicyFormat.COPILOT, Set.of(), packagesOnly).allowed())
                .containsExactly(name("com.contoso/files"), command("npx", "@contoso/files@1.0.0"));
        assertThat(policy(PolicyFormat.VSCODE, Set.of(), packagesOnly).allowed())
                .containsExactly(name("com.contoso/files"), command("npx", "@contoso/files@1.0.0"));
        assertThat(policy(PolicyFormat.CLAUDE_CODE, Set.of(), packagesOnly).allowed())
                .as("Claude Code counts a name only while the list has no command entries: any local server could pass")
                .containsExactly(command("npx", "@contoso/files@1.0.0"));
    }

    @Test
    void a_deprecated_version_is_allowed_and_a_pending_one_is_in_neither_list() {
        Registration deprecated = version(
                "com.contoso/old",
                "1.0.0",
                RegistrationStatus.DEPRECATED,
                List.of(),
                List.of(remote("https://old.contoso.com/mcp")));
        Registration pending = version(
                "com.contoso/new",
                "1.0.0",
                RegistrationStatus.PENDING,
                List.of(npm("@contoso/new", "1.0.0", List.of())),
                List.of(remote("https://new.contoso.com/mcp")));

        ClientPolicy copilot = policy(PolicyFormat.COPILOT, Set.of(), deprecated, pending);

        assertThat(copilot.allowed()).containsExactly(url("https://old.contoso.com/mcp"));
        assertThat(copilot.denied()).isEmpty();
    }

    @Test
    void rejected_deleted_and_drifted_versions_are_denied_and_a_server_with_only_denied_versions_by_name_too() {
        Registration rejected = version(
                "com.contoso/rejected",
                "1.0.0",
                RegistrationStatus.REJECTED,
                List.of(npm("@contoso/rejected", "1.0.0", List.of())),
                List.of(remote("https://rejected.contoso.com/mcp")));
        Registration gone = deleted(version(
                "com.contoso/gone",
                "2.0.0",
                RegistrationStatus.APPROVED,
                List.of(),
                List.of(remote("https://gone.contoso.com/mcp"))));
        Registration drifted = version(
                "com.contoso/drifted",
                "1.0.0",
                RegistrationStatus.APPROVED,
                List.of(),
                List.of(remote("https://drifted.contoso.com/mcp")));

        ClientPolicy copilot = policy(PolicyFormat.COPILOT, Set.of(drifted.id()), rejected, gone, drifted);

        assertThat(copilot.allowed()).isEmpty();
        assertThat(copilot.denied())
                .containsExactly(
                        name("com.contoso/drifted"),
                        name("com.contoso/gone"),
                        name("com.contoso/rejected"),
                        url("https://drifted.contoso.com/mcp"),
                        url("https://gone.contoso.com/mcp"),
                        url("https://rejected.contoso.com/mcp"),
                        command("npx", "@contoso/rejected@1.0.0"));
    }

    @Test
    void a_server_is_not_denied_by_name_while_one_of_its_versions_is_allowed_or_pending() {
        Registration rejected = version(
                "com.contoso/ledger",
                "1.0.0",
                RegistrationStatus.REJECTED,
                List.of(),
                List.of(remote("https://a.contoso.com/mcp")));
        Registration approved = version(
                "com.contoso/ledger",
                "2.0.0",
                RegistrationStatus.APPROVED,
                List.of(),
                List.of(remote("https://b.contoso.com/mcp")));
        Registration otherRejected = version(
                "com.contoso/search",
                "1.0.0",
                RegistrationStatus.REJECTED,
                List.of(),
                List.of(remote("https://c.contoso.com/mcp")));
        Registration otherPending = version(
                "com.contoso/search",
                "1.1.0",
                RegistrationStatus.PENDING,
                List.of(),
                List.of(remote("https://d.contoso.com/mcp")));

        ClientPolicy copilot = policy(PolicyFormat.COPILOT, Set.of(), rejected, approved, otherRejected, otherPending);

        assertThat(copilot.denied())
                .containsExactly(url("https://a.contoso.com/mcp"), url("https://c.contoso.com/mcp"));
    }

    @Test
    void what_a_denied_version_shares_with_an_allowed_one_is_not_denied() {
        Registration drifted = version(
                "com.contoso/ledger",
                "1.0.0",
                RegistrationStatus.APPROVED,
                List.of(npm("@contoso/ledger", "1.0.0", List.of())),
                List.of(remote("https://ledger.contoso.com/mcp")));
        Registration current = version(
                "com.contoso/ledger",
                "1.1.0",
                RegistrationStatus.APPROVED,
                List.of(npm("@contoso/ledger", "1.1.0", List.of())),
                List.of(remote("https://ledger.contoso.com/mcp")));

        ClientPolicy claude = policy(PolicyFormat.CLAUDE_CODE, Set.of(drifted.id()), drifted, current);

        assertThat(claude.allowed())
                .containsExactly(url("https://ledger.contoso.com/mcp"), command("npx", "@contoso/ledger@1.1.0"));
        assertThat(claude.denied()).containsExactly(command("npx", "@contoso/ledger@1.0.0"));
    }

    @Test
    void urls_with_variables_are_wildcards_and_a_denied_one_that_might_match_an_allowed_url_is_left_out() {
        Registration tenants = version(
                "com.contoso/tenants",
                "1.0.0",
                RegistrationStatus.APPROVED,
                List.of(),
                List.of(remote("https://{tenant}.tenants.contoso.com/mcp")));
        Registration rejectedWide = version(
                "com.fabrikam/wide",
                "1.0.0",
                RegistrationStatus.REJECTED,
                List.of(),
                List.of(remote("https://{anything}.contoso.com/mcp"), remote("https://{x}.fabrikam.com/mcp")));

        ClientPolicy vscode = policy(PolicyFormat.VSCODE, Set.of(), tenants, rejectedWide);

        assertThat(vscode.allowed()).containsExactly(url("https://*.tenants.contoso.com/mcp"));
        assertThat(vscode.denied()).containsExactly(name("com.fabrikam/wide"), url("https://*.fabrikam.com/mcp"));
    }

    @Test
    void a_package_whose_command_line_asks_its_user_is_allowed_by_name_only_where_names_are_written() {
        Argument askedFor = new Argument.Named(
                "--workspace", input().description("Your workspace").build(), Variables.NONE, false);
        Registration asking = version(
                "com.contoso/asking",
                "1.0.0",
                RegistrationStatus.APPROVED,
                List.of(npm("@contoso/asking", "1.0.0", List.of(askedFor))),
                List.of());

        assertThat(policy(PolicyFormat.VSCODE, Set.of(), asking).allowed()).containsExactly(name("com.contoso/asking"));
        assertThat(policy(PolicyFormat.CLAUDE_CODE, Set.of(), asking).allowed()).isEmpty();
    }
}
