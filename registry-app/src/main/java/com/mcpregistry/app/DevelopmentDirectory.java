package com.mcpregistry.app;

import com.mcpregistry.entra.DevelopmentTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./.registry-dev/}: what {@code start-dev} keeps between runs (database files, token signing key). Only
 * {@code start-dev} creates it; the {@code token} command reads the key that {@code start-dev} made.
 */
final class DevelopmentDirectory {
    static final Path ROOT = Path.of(".registry-dev");

    private DevelopmentDirectory() {}

    /** Whether an earlier {@code start-dev} made the folder here. */
    static boolean exists() {
        return Files.isDirectory(ROOT);
    }

    /** The folder, created if absent: for {@code start-dev} only. */
    static Path create() {
        try {
            return Files.createDirectories(ROOT).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + ROOT, e);
        }
    }

    /** {@code start-dev}'s issuer: its key is made on the first run and kept for the next ones. */
    static DevelopmentTokenIssuer createOrLoadTokenIssuer(Path directory) {
        return DevelopmentTokenIssuer.loadOrCreate(directory);
    }

    /** The issuer whose key {@code start-dev} made here; refuses, saying how to get a token, when there is none. */
    static DevelopmentTokenIssuer existingTokenIssuer() {
        Path key = ROOT.toAbsolutePath().resolve(DevelopmentTokenIssuer.KEY_FILE);
        if (!Files.isRegularFile(key)) {
            throw new IllegalStateException("no development signing key at " + key + "\n"
                    + "  Only start-dev creates it, and its server accepts only tokens signed with it. Either:\n"
                    + "  - run start-dev in this folder first: java -jar registry-app/target/mcp-registry.jar"
                    + " start-dev\n"
                    + "  - or, while start-dev runs, ask it for a token: curl -X POST http://localhost:8080/dev/token"
                    + " -H 'Content-Type: application/json' -d '{\"name\":\"Ann\",\"email\":\"ann@contoso.com\"}'");
        }
        return DevelopmentTokenIssuer.load(ROOT.toAbsolutePath());
    }
}
