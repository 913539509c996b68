package com.mcpregistry.domain.serverjson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote as an MCP client configures it when it installs it from a registry, as VS Code does
 * (microsoft/vscode, src/vs/platform/mcp/common/mcpManagementService.ts, {@code
 * getMcpServerConfigurationFromManifest}, its remote branch, and {@code processKeyValueInputs}): the URL exactly as
 * published (registry-only policies match it by exact string), and each header's value with its first use of each of
 * its variables written {@code ${input:variable}}, or, for a header with neither value nor variables that says what
 * it wants, the whole value asked for as {@code ${input:header-name}}; the inputs the client asks its user for.
 */
public record RemoteConfiguration(
        RemoteTransport transport, String url, Map<String, String> headers, List<Prompt> prompts) {

    /** What the client asks its user for, and how ({@code password}: without echo). */
    public record Prompt(
            String id, String description, boolean password, Optional<String> defaultValue, List<String> choices) {
        public Prompt {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(defaultValue, "defaultValue");
            choices = List.copyOf(choices);
        }

        static Prompt of(String id, Input input) {
            return new Prompt(
                    id, input.description().orElse(""), input.isSecret(), input.defaultValue(), input.choices());
        }
    }

    public RemoteConfiguration {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(url, "url");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        prompts = List.copyOf(prompts);
    }

    /** The reference a configuration value makes to the prompt {@code id}. */
    public static String reference(String id) {
        return "${input:" + id + "}";
    }

    public static RemoteConfiguration of(Remote remote) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<Prompt> prompts = new ArrayList<>();
        for (KeyValueInput header : remote.headers()) {
            Input input = header.input();
            String value = input.value().orElse("");
            if (!header.variables().values().isEmpty()) {
                for (Map.Entry<String, Input> variable :
                        header.variables().values().entrySet()) {
                    value = value.replaceFirst(
                            Pattern.quote("{" + variable.getKey() + "}"),
                            Matcher.quoteReplacement(reference(variable.getKey())));
                    prompts.add(Prompt.of(variable.getKey(), variable.getValue()));
                }
            } else if (value.isEmpty()
                    && (input.description().isPresent()
                            || !input.choices().isEmpty()
                            || input.defaultValue().isPresent())) {
                prompts.add(Prompt.of(header.name(), input));
                value = reference(header.name());
            }
            headers.put(header.name(), value);
        }
        return new RemoteConfiguration(remote.type(), remote.url().value(), headers, prompts);
    }
}
