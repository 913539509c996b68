package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.registration.ServerName;
import com.mcpregistry.domain.registration.Version;

/**
 * What a {@link RegistrationRepository} says when a (server name, version) is taken: a version is never reused,
 * not even after its registration was deleted. Every adapter says it in these words.
 */
public final class VersionConflicts {

    private VersionConflicts() {}

    /** A registration that still exists has this name and version. */
    public static Conflict registered(ServerName name, Version version) {
        return new Conflict(name + " version " + version + " is registered already");
    }

    /** The only registration with this name and version was deleted: the version is retired for good. */
    public static Conflict deletedBefore(ServerName name, Version version) {
        return new Conflict(name + " " + version
                + " existed before and was deleted; versions are never reused: submit a new version");
    }

    /** Taken, by a registration whose state the store cannot tell (a concurrent writer won). */
    public static Conflict taken(ServerName name, Version version) {
        return new Conflict(name + " version " + version
                + " is registered already or existed before; versions are never reused: submit a new version");
    }
}
