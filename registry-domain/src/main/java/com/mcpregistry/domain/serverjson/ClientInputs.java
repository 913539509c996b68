package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.serverjson.InstallCommand.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments, environment or header values and the prompts of a server's configuration in a client, as they
 * accumulate, in the order VS Code writes them when it installs a server from a registry (microsoft/vscode {@code
 * src/vs/platform/mcp/common/mcpManagementService.ts}: {@code processArguments} and {@code processKeyValueInputs}).
 * One place for both a package's command line ({@link InstallCommand}) and a remote's headers ({@link
 * RemoteConfiguration}).
 */
final class ClientInputs {
    final List<String> args = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final List<Prompt> prompts = new ArrayList<>();

    void arguments(List<Argument> arguments) {
        for (Argument argument : arguments) {
            Input input = argument.input();
            Optional<String> value = input.value().filter(v -> !v.isEmpty());
            if (argument instanceof Argument.Named named) {
                args.add(named.name());
                if (value.isPresent()) {
                    args.add(withPlaceholders(value.get(), argument.variables()));
                } else if (asked(input)) {
                    String id = named.name().replaceFirst("^--?", "");
                    prompts.add(prompt(id, input));
                    args.add(Prompt.placeholder(id));
                }
            } else if (argument instanceof Argument.Positional positional) {
                if (value.isPresent()) {
                    args.add(withPlaceholders(value.get(), argument.variables()));
                } else if (positional.valueHint().isPresent() && asked(input)) {
                    String id = positional.valueHint().get();
                    prompts.add(prompt(id, input));
                    args.add(Prompt.placeholder(id));
                } else {
                    args.add(positional.valueHint().orElse(""));
                }
            }
        }
    }

    /**
     * The values of environment variables or headers as the client writes them (VS Code's {@code
     * processKeyValueInputs}): each variable's first use as its placeholder, or, for an input with neither value
     * nor variables that says what it wants, the whole value asked for by its name.
     */
    Map<String, String> keyValues(List<KeyValueInput> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValueInput variable : variables) {
            Input input = variable.input();
            String value = input.value().orElse("");
            if (!variable.variables().values().isEmpty()) {
                value = withPlaceholders(value, variable.variables());
            } else if (value.isEmpty()
                    && (hasDescription(input)
                            || !input.choices().isEmpty()
                            || input.defaultValue().isPresent())) {
                prompts.add(inputPrompt(variable.name(), input));
                value = Prompt.placeholder(variable.name());
            }
            values.put(variable.name(), value);
        }
        return values;
    }

    /** Each variable's first {@code {name}} in {@code value} as its placeholder; every variable is asked for. */
    private String withPlaceholders(String value, Variables variables) {
        String replaced = value;
        for (Map.Entry<String, Input> variable : variables.values().entrySet()) {
            String name = variable.getKey();
            String reference = "{" + name + "}";
            int at = replaced.indexOf(reference);
            if (at >= 0) {
                replaced = replaced.substring(0, at)
                        + Prompt.placeholder(name)
                        + replaced.substring(at + reference.length());
            }
            prompts.add(inputPrompt(name, variable.getValue()));
        }
        return replaced;
    }

    /** An argument without a value is asked for when it has a description or a default. */
    private static boolean asked(Input input) {
        return hasDescription(input) || input.defaultValue().isPresent();
    }

    private static boolean hasDescription(Input input) {
        return input.description().filter(d -> !d.isEmpty()).isPresent();
    }

    /** An argument's own prompt: free text, never a password. */
    private static Prompt prompt(String id, Input input) {
        return new Prompt(id, false, input.description().orElse(""), false, input.defaultValue(), List.of());
    }

    /** A variable's or an environment variable's prompt: a pick when it has choices, a password when secret. */
    private static Prompt inputPrompt(String id, Input input) {
        return new Prompt(
                id,
                !input.choices().isEmpty(),
                input.description().orElse(""),
                input.isSecret(),
                input.defaultValue(),
                input.choices());
    }
}
