package com.mcpregistry.app;

import com.mcpregistry.entra.DevelopmentTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./.registry-dev/}: what {@code start-dev} keeps between runs (database files, token signing key). */
final class DevelopmentDirectory {
    static final Path ROOT = Path.of(".registry-dev");

    private DevelopmentDirectory() {}

    static Path root() {
        try {
            return Files.createDirectories(ROOT).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + ROOT, e);
        }
    }

    static DevelopmentTokenIssuer tokenIssuer() {
        return DevelopmentTokenIssuer.loadOrCreate(root());
    }
}
