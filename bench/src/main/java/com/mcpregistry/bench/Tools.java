package com.mcpregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The external programs: the measuring instruments wrk and pgbench, and psql for the seed script. Installed from
 * Debian's packages when missing and the benchmark runs as root; otherwise it names the packages and stops.
 */
record Tools(Path wrk, Path pgbench, Path psql) {

    static Tools locate(RunDirectory run) {
        List<String> missing = new ArrayList<>();
        if (onPath("wrk").isEmpty()) {
            missing.add("wrk");
        }
        if (onPath("psql").isEmpty()) {
            missing.add("postgresql-client");
        }
        if (findPgbench().isEmpty()) {
            missing.add("postgresql"); // Debian ships pgbench in the server package (postgresql-NN)
        }
        if (!missing.isEmpty()) {
            install(missing, run);
        }
        return new Tools(
                onPath("wrk").orElseThrow(),
                findPgbench().orElseThrow(),
                onPath("psql").orElseThrow());
    }

    /** psql alone, for the checks measurement on its own (it seeds with psql and measures with neither instrument). */
    static Path psql(RunDirectory run) {
        if (onPath("psql").isEmpty()) {
            install(List.of("postgresql-client"), run);
        }
        return onPath("psql").orElseThrow();
    }

    /** The first lines the instruments print about their versions, for the report. */
    String versions() {
        String wrkVersion = firstLine(ExternalProgram.of(wrk.toString(), "-v").output());
        String[] words = wrkVersion.split(" ");
        return firstLine(ExternalProgram.of(pgbench.toString(), "--version").output()) + "; "
                + (words.length >= 2 ? words[0] + " " + words[1] : wrkVersion);
    }

    private static void install(List<String> packages, RunDirectory run) {
        String names = String.join(" ", packages);
        boolean root = ExternalProgram.of("id", "-u").output().trim().equals("0");
        if (!root || onPath("apt-get").isEmpty()) {
            throw new BenchmarkFailure("missing tools; install them with: sudo apt-get install " + names);
        }
        run.log("installing " + names + " from the Debian packages");
        Path log = run.file("apt.log");
        ExternalProgram.of("apt-get", "update", "-qq").run(log);
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
        install.addAll(packages);
        ExternalProgram.of(install)
                .environment(Map.of("DEBIAN_FRONTEND", "noninteractive"))
                .runOrFail(log, "apt-get install " + names);
    }

    private static Optional<Path> findPgbench() {
        Optional<Path> found = onPath("pgbench");
        if (found.isPresent()) {
            return found;
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(dir -> dir.resolve("bin/pgbench"))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparing(
                            path -> majorVersion(path.getParent().getParent())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").trim();
    }
}
