package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.postgres.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} started as an operator starts it, in a child process with nothing but the given environment: every
 * bad or missing setting is reported in one run by its variable name, and an unreachable database is named by host,
 * port and database with the driver's reason, never with its password.
 */
class ServeStartupEndToEndTest {
    @TempDir
    Path workingDirectory;

    @Test
    void serve_with_no_settings_names_all_three_missing_variables_in_one_run() throws Exception {
        CommandLineRun run = serve(Map.of());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "configuration error: DATABASE_URL: is required",
                        "configuration error: AZURE_TENANT_ID: is required",
                        "configuration error: AZURE_CLIENT_ID: is required");
    }

    @Test
    void serve_reports_every_invalid_value_at_once_one_line_each() throws Exception {
        CommandLineRun run = serve(Map.of(
                "DATABASE_URL", "mysql://registry:s3cret@db.contoso.example/registry",
                "AZURE_TENANT_ID", "contoso.onmicrosoft.com",
                "AZURE_CLIENT_ID", "my-api",
                "PORT", "eighty",
                "REGISTRY_PUBLIC_API", "public"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines())
                .hasSize(5)
                .allMatch(line -> line.startsWith("configuration error: "))
                .anyMatch(line -> line.startsWith("configuration error: DATABASE_URL: "))
                .anyMatch(line -> line.startsWith("configuration error: AZURE_TENANT_ID: must be a GUID"))
                .anyMatch(line -> line.startsWith("configuration error: AZURE_CLIENT_ID: must be a GUID"))
                .anyMatch(line -> line.startsWith("configuration error: PORT: "))
                .anyMatch(line -> line.startsWith("configuration error: REGISTRY_PUBLIC_API: "));
        assertThat(run.err()).doesNotContain("tenantId", "clientId", "s3cret");
    }

    @Test
    void an_unreachable_database_is_named_by_host_port_and_database_with_the_drivers_reason_never_the_password()
            throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort(); // free again once closed: nothing listens there
        }
        CommandLineRun run = serve(Map.of(
                "DATABASE_URL",
                "postgresql://registry:Sup3r-S3cret@127.0.0.1:" + closedPort + "/registrydb",
                "AZURE_TENANT_ID",
                UUID.randomUUID().toString(),
                "AZURE_CLIENT_ID",
                UUID.randomUUID().toString(),
                "LOG_FORMAT",
                "text"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .contains("cannot reach PostgreSQL at host 127.0.0.1, port " + closedPort + ", database registrydb")
                .contains("refused");
        assertThat(run.out() + run.err()).doesNotContain("Sup3r-S3cret");
    }

    @Test
    void at_log_level_trace_no_line_carries_the_password_of_a_jdbc_url() throws Exception {
        try (TestDatabase database = TestDatabase.migrated()) {
            CommandLineRun run = serveUntilReady(Map.of(
                    "DATABASE_URL",
                    database.jdbcUrl() + "&password=Sup3r-S3cret",
                    "AZURE_TENANT_ID",
                    UUID.randomUUID().toString(),
                    "AZURE_CLIENT_ID",
                    UUID.randomUUID().toString(),
                    "PORT",
                    Integer.toString(freePort()),
                    "LOG_LEVEL",
                    "trace",
                    "LOG_FORMAT",
                    "text"));

            assertThat(run.out()).contains("mcp-registry serving on port").contains("DEBUG");
            assertThat(run.out() + run.err()).doesNotContain("Sup3r-S3cret");
        }
    }

    /** {@code serve} in a child JVM whose environment holds {@code settings} only (and no ./.env). */
    private CommandLineRun serve(Map<String, String> settings) throws Exception {
        return CommandLineRun.inChildProcess(workingDirectory, settings, "serve");
    }

    /** {@code serve} as an operator starts it, with the jar's own logging, stopped with SIGTERM once it serves. */
    private CommandLineRun serveUntilReady(Map<String, String> settings) throws Exception {
        ProcessBuilder builder = CommandLineRun.childProcess(workingDirectory, "serve");
        // The jar's logging set-up (LogSetup), not the tests' (logback-test.xml, which silences most loggers): the
        // class path without the test classes and resources, as the jar has it.
        int classPath = builder.command().indexOf("-cp") + 1;
        builder.command().set(classPath, withoutTestClasses(builder.command().get(classPath)));
        builder.environment().clear();
        builder.environment().putAll(settings);
        Path out = workingDirectory.resolve("out.txt");
        Path err = workingDirectory.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(out, StandardCharsets.UTF_8).contains("mcp-registry serving on port")) {
                assertThat(process.isAlive())
                        .as(Files.readString(err, StandardCharsets.UTF_8))
                        .isTrue();
                assertThat(System.nanoTime()).as("serve is ready within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve stops").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return CommandLineRun.ofEnded(process, out, err);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String withoutTestClasses(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
