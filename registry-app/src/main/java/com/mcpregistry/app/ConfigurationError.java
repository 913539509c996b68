package com.mcpregistry.app;

/** A missing or invalid setting; its message is one line that names the setting and says what is wrong. */
public final class ConfigurationError extends RuntimeException {
    public ConfigurationError(String setting, String problem) {
        super(setting + ": " + problem);
    }
}
