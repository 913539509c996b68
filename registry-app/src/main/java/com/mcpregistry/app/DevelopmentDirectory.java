package com.mcpregistry.app;

import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.entra.DevelopmentTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code ./.registry-dev/}: what {@code start-dev} keeps between runs (database files, token signing key, audit
 * key). Only
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

    /** The file holding start-dev's audit key, as AUDIT_KEY holds one: {@code id:secret}. */
    static final String AUDIT_KEY_FILE = "audit-key";

    /**
     * {@code start-dev}'s audit key: made on the first run and kept for the next ones, so that the development audit
     * trail stays verifiable ({@code AUDIT_KEY=$(cat .registry-dev/audit-key)} for {@code admin audit verify}).
     */
    static AuditKey createOrLoadAuditKey(Path directory) {
        Path file = directory.resolve(AUDIT_KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return AuditKey.parse(
                        Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            AuditKey key = AuditKey.random("dev");
            Path written = Files.createTempFile(directory, AUDIT_KEY_FILE, ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(written, key.written() + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development audit key in " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold an audit key (" + e.getMessage()
                    + "); remove it and start-dev makes a new one (the audit trail kept here then no longer verifies)");
        }
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
