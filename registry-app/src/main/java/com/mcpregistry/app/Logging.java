package com.mcpregistry.app;

import java.util.Locale;

/** Chooses the log format and level; must run before the first logger is created. */
final class Logging {
    private Logging() {}

    static void configure(ServeSettings.LogFormat format, String level) {
        System.setProperty("LOG_FORMAT", format.name());
        System.setProperty("LOG_LEVEL", level.toUpperCase(Locale.ROOT));
    }
}
