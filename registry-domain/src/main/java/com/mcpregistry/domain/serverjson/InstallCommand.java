package com.mcpregistry.domain.serverjson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client writes into its configuration when it installs a package from a registry: the command it starts,
 * its arguments, its environment, and the inputs it asks its user for, which the arguments and environment refer to
 * as {@code ${input:ID}}. The command and arguments together ({@link #commandLine}) are what a client's
 * {@code serverCommand} allow and deny entries are matched against, exactly and in order.
 *
 * <p>Built as VS Code builds it in {@code getMcpServerConfigurationFromManifest} of microsoft/vscode
 * {@code src/vs/platform/mcp/common/mcpManagementService.ts} (read at commit 9d8f249, lines 72-175; the helpers
 * {@code processKeyValueInputs} at lines 192-224 and {@code processArguments} at lines 226-287), with the two changes
 * VS Code made since: a PyPI version follows {@code @}, as {@code uvx} reads it (microsoft/vscode#283572, which
 * replaced {@code ==}), and a package's {@code registryBaseUrl} is passed to the runtime (microsoft/vscode#287549:
 * {@code --registry} for npm, {@code --index-url} for PyPI, {@code --source} for NuGet, a prefix for OCI images).
 *
 * <ul>
 *   <li>The command follows the registry type alone (lines 167-175): {@code npx}, {@code uvx}, {@code dnx},
 *       {@code docker}. {@code runtimeHint} is not read, and no {@code -y} is added.
 *   <li>An OCI image starts with {@code run -i --rm} (lines 101-105); each environment variable is also passed as
 *       {@code -e NAME}, after the runtime arguments (lines 114-125).
 *   <li>Then the package itself (lines 127-144): {@code name@version} (npm, PyPI, NuGet), the image reference (OCI),
 *       and for NuGet {@code --yes}, and {@code --} before package arguments.
 *   <li>Runtime arguments come before the package, package arguments after it (lines 107-112, 146-151). A named
 *       argument is its flag, then its value; a positional argument is its value. A value's {@code {variable}} (its
 *       first occurrence) becomes {@code ${input:variable}}. An argument without a value is asked for when it has a
 *       description or a default ({@code ${input:valueHint}}, or {@code ${input:flag}} without its leading dashes);
 *       otherwise a positional argument is its value hint as written and a named one its flag alone.
 * </ul>
 *
 * MCPB bundles are not started by a command line VS Code writes (its code names no runtime for them), so they have
 * none here.
 */
public record InstallCommand(String command, List<String> args, Map<String, String> env, List<Prompt> prompts) {

    private static final String DOCKER = "docker";

    public InstallCommand {
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        prompts = List.copyOf(prompts);
    }

    /**
     * An input the client asks its user for when it installs the package, as VS Code declares it in the {@code
     * inputs} of {@code mcp.json}: a free text ({@code promptString}) or a pick among choices ({@code pickString}).
     */
    public record Prompt(
            String id,
            boolean pick,
            String description,
            boolean password,
            Optional<String> defaultValue,
            List<String> choices) {
        public Prompt {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(defaultValue, "defaultValue");
            choices = List.copyOf(choices);
        }

        /** How {@code mcp.json} writes a reference to this input in an argument or a value. */
        public String placeholder() {
            return placeholder(id);
        }

        static String placeholder(String id) {
            return "${input:" + id + "}";
        }
    }

    /** The command line a client writes for {@code pkg}; none for an MCPB bundle. */
    public static Optional<InstallCommand> of(Package pkg) {
        String command = switch (pkg.registryType()) {
            case NPM -> "npx";
            case PYPI -> "uvx";
            case NUGET -> "dnx";
            case OCI -> DOCKER;
            case MCPB -> null;
        };
        if (command == null) {
            return Optional.empty();
        }
        ClientInputs built = new ClientInputs();
        if (pkg.registryType() == RegistryType.OCI) {
            built.args.addAll(List.of("run", "-i", "--rm"));
        }
        built.arguments(pkg.runtimeArguments());
        built.env.putAll(built.keyValues(pkg.environmentVariables()));
        if (pkg.registryType() == RegistryType.OCI) {
            built.env.keySet().forEach(name -> built.args.addAll(List.of("-e", name)));
        }
        String base = pkg.registryBaseUrl().map(HttpUrl::value).orElse(null);
        String versioned =
                pkg.identifier() + pkg.version().map(v -> "@" + v.value()).orElse("");
        switch (pkg.registryType()) {
            case NPM -> {
                if (base != null) {
                    built.args.addAll(List.of("--registry", base));
                }
                built.args.add(versioned);
            }
            case PYPI -> {
                if (base != null) {
                    built.args.addAll(List.of("--index-url", base));
                }
                built.args.add(versioned);
            }
            case OCI -> {
                String image = base == null ? pkg.identifier() : base + "/" + pkg.identifier();
                built.args.add(image + pkg.version().map(v -> ":" + v.value()).orElse(""));
            }
            case NUGET -> {
                built.args.add(versioned);
                built.args.add("--yes");
                if (base != null) {
                    built.args.addAll(List.of("--source", base));
                }
                if (!pkg.packageArguments().isEmpty()) {
                    built.args.add("--");
                }
            }
            case MCPB -> throw new IllegalStateException("an MCPB bundle has no command line");
        }
        built.arguments(pkg.packageArguments());
        return Optional.of(new InstallCommand(command, built.args, built.env, built.prompts));
    }

    /** The command followed by its arguments: what a {@code serverCommand} entry names. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>(args.size() + 1);
        line.add(command);
        line.addAll(args);
        return List.copyOf(line);
    }

    /**
     * Whether the command line is the same for every user: none of its arguments holds an input the user answers
     * at install time. Only then can a client's exact {@code serverCommand} entry name it.
     */
    public boolean isFixed() {
        return prompts.stream()
                .map(Prompt::placeholder)
                .noneMatch(p -> args.stream().anyMatch(a -> a.contains(p)));
    }
}
