package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.WireNames;

/** Where a package is published and how a client downloads it. */
public enum RegistryType {
    NPM("npm"),
    PYPI("pypi"),
    NUGET("nuget"),
    OCI("oci"),
    MCPB("mcpb");

    private final String wireName;

    RegistryType(String wireName) {
        this.wireName = wireName;
    }

    /** The name server.json uses ({@code registryType}). */
    public String wireName() {
        return wireName;
    }

    public static RegistryType parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), RegistryType::wireName);
    }
}
