package com.mcpregistry.app;

import java.nio.file.Path;

/** Where commands read their settings: the process environment over {@code ./.env}. */
final class Settings {
    private Settings() {}

    static Environment environment() {
        return Environment.load(System.getenv(), Path.of(".env"));
    }
}
