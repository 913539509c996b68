package com.mcpregistry.app;

import com.mcpregistry.entra.EntraAccessTokenVerifier;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.RequestBodyLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Production: PostgreSQL from {@code DATABASE_URL}, tokens from Entra ID. No development issuer, ever. */
@Command(
        name = "serve",
        description = "Run the registry in production (settings from the environment and ./.env).",
        footer = {"", "A missing or invalid setting stops start-up; every one is reported, each by its name."})
final class ServeCommand implements Callable<Integer> {
    private static final String SETTINGS_SECTION = "settings";
    private static final String INDENT = "      ";

    /**
     * Adds the settings to {@code serve}'s usage help, before its footer: each with its default and meaning, wrapped
     * at spaces only so that URLs and paths stay whole.
     */
    static void describeSettings(CommandLine serve) {
        UsageMessageSpec usage = serve.getCommandSpec().usageMessage();
        List<String> sections = new ArrayList<>(usage.sectionKeys());
        sections.add(sections.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SETTINGS_SECTION);
        usage.sectionKeys(sections);
        usage.sectionMap()
                .put(
                        SETTINGS_SECTION,
                        help -> settings(help.commandSpec().usageMessage().width()));
    }

    private static String settings(int width) {
        StringBuilder text = new StringBuilder(String.format(
                "%nSettings (environment variables, or NAME=value lines in ./.env; a real environment variable"
                        + " wins):%n"));
        for (ServeSettings.Described setting : ServeSettings.DESCRIBED) {
            String value = setting.defaultValue().equals("required") ? "required" : "default " + setting.defaultValue();
            text.append(String.format("  %s  (%s)%n", setting.name(), value));
            wrap(setting.meaning(), width, text);
        }
        return text.toString();
    }

    private static void wrap(String meaning, int width, StringBuilder text) {
        StringBuilder line = new StringBuilder(INDENT);
        for (String word : meaning.split(" ")) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > width) {
                text.append(line).append(System.lineSeparator());
                line = new StringBuilder(INDENT);
            }
            if (line.length() > INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line).append(System.lineSeparator());
    }

    @Override
    public Integer call() throws InterruptedException {
        ServeSettings settings = ServeSettings.from(Environment.ofProcess());
        Logging.configure(settings.logFormat(), settings.logLevel());
        RegistryServer server = RegistryServer.start(new RegistryServer.Options(
                settings.database(),
                EntraAccessTokenVerifier.forTenant(settings.identity()),
                new ApiSettings(
                        settings.corsOrigins(),
                        settings.publicApi(),
                        settings.reviewPrecondition(),
                        RequestBodyLimits.DEFAULTS,
                        settings.trustedProxies(),
                        settings.policyExport()),
                "0.0.0.0",
                settings.port(),
                settings.metricsEnabled(),
                config -> {},
                settings.signInMemory(),
                Clock.systemUTC(),
                settings.limits(),
                settings.searchTimeout(),
                settings.auditProtection(),
                settings.namespacePolicy(),
                settings.publishRules(),
                settings.checks()));
        LoggerFactory.getLogger(ServeCommand.class)
                .info("mcp-registry serving on port {} ({})", server.port(), settings.environment());
        awaitShutdown(server);
        return 0;
    }

    /**
     * Blocks until SIGTERM or SIGINT, then closes {@code resources} in order (the server first: it drains requests
     * and closes the pool) before the JVM exits: with status 0 when everything closed, 1 when something failed.
     */
    static void awaitShutdown(AutoCloseable... resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            boolean clean = true;
                            try {
                                for (AutoCloseable resource : resources) {
                                    try {
                                        resource.close();
                                    } catch (Exception e) {
                                        clean = false;
                                        LoggerFactory.getLogger(ServeCommand.class)
                                                .error("shutting down {} failed", resource, e);
                                    }
                                }
                            } finally {
                                stopped.countDown();
                            }
                            // A signal is how the registry is meant to stop. Without this the JVM reports 128 + the
                            // signal (143 for SIGTERM), which systemd and Kubernetes count as a failure. Every
                            // resource is closed by now; the registry registers no other shutdown hook.
                            Runtime.getRuntime().halt(clean ? 0 : 1);
                        },
                        "registry-shutdown"));
        stopped.await();
    }
}
