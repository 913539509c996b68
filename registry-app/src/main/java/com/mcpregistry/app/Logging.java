package com.mcpregistry.app;

import java.util.Locale;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Chooses the log format and level; must run before the first logger is created. */
final class Logging {
    private Logging() {}

    static void configure(ServeSettings.LogFormat format, String level) {
        System.setProperty("LOG_FORMAT", format.name());
        System.setProperty("LOG_LEVEL", level.toUpperCase(Locale.ROOT));
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
