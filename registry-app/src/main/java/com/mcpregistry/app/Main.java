package com.mcpregistry.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mcp-registry} command line: {@code start-dev}, {@code serve}, {@code migrate}, {@code token}, {@code admin},
 * {@code policy}. */
@Command(
        name = "mcp-registry",
        // Inherited: every command and subcommand answers -h/--help and -V/--version, and its help is wide enough
        // that descriptions are not wrapped (picocli may wrap inside a path: "./.env" became ". /.env").
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        versionProvider = Main.Version.class,
        description = "An enterprise registry of MCP servers, published through the MCP Registry API v0.1.",
        subcommands = {
            StartDevCommand.class,
            ServeCommand.class,
            MigrateCommand.class,
            TokenCommand.class,
            AdminCommand.class,
            PolicyCommand.class,
            DemoServerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code: 0 done, 1 failed, 2 wrong usage or configuration. */
    public static int run(String... args) {
        CommandLine main = new CommandLine(new Main());
        ServeCommand.describeSettings(main.getSubcommands().get("serve"));
        return main.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    if (e instanceof ConfigurationError error) {
                        error.problems()
                                .forEach(problem -> commandLine.getErr().println("configuration error: " + problem));
                        return 2;
                    }
                    commandLine.getErr().println("error: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mcp-registry " + (version == null ? "(development build)" : version)};
        }
    }
}
