package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.AlreadyTaken.Rule;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;

/**
 * What the registry says when a registration breaks a uniqueness rule. A {@link RegistrationRepository} says only
 * what the writer sent (it does not know who asks); the registration service adds which registration holds the
 * name or endpoint for a caller who may see that one. Every adapter says it in these words.
 */
public final class UniquenessConflicts {

    private UniquenessConflicts() {}

    /** The (server name, version) is taken, by a registration the words do not describe. */
    public static AlreadyTaken versionTaken(ServerName name, Version version) {
        return new AlreadyTaken(
                Rule.NAME_AND_VERSION,
                name + " version " + version
                        + " is taken; a version is never reused, not even after its registration was deleted:"
                        + " submit a new version");
    }

    /** The endpoint belongs to another server name, which the words do not name. */
    public static AlreadyTaken endpointTaken(HttpUrl endpoint) {
        return new AlreadyTaken(Rule.ENDPOINT, "the endpoint URL " + endpoint + " belongs to another server name");
    }

    /** {@link #versionTaken}, for a caller who may see {@code holder}: which registration it is and its state. */
    public static AlreadyTaken versionHeldBy(Registration holder) {
        if (holder.isDeleted()) {
            return new AlreadyTaken(
                    Rule.NAME_AND_VERSION,
                    holder.serverName() + " " + holder.version() + " existed before and was deleted (registration "
                            + holder.id() + "); versions are never reused: submit a new version");
        }
        return new AlreadyTaken(
                Rule.NAME_AND_VERSION,
                holder.serverName() + " version " + holder.version() + " is registered already: registration "
                        + holder.id() + ", " + holder.status().label());
    }

    /** {@link #endpointTaken}, for a caller who may see {@code holder}: the server it belongs to and how it is spelt. */
    public static AlreadyTaken endpointHeldBy(HttpUrl endpoint, Registration holder) {
        return new AlreadyTaken(
                Rule.ENDPOINT,
                "the endpoint URL " + endpoint + " belongs to server " + holder.serverName() + ": registration "
                        + holder.id() + " (" + holder.status().label() + ") at "
                        + holder.details().endpointUrl());
    }
}
