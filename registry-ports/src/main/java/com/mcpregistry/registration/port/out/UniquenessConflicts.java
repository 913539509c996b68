package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.AlreadyTaken.Rule;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the registry says when a registration breaks a uniqueness rule. A {@link RegistrationRepository} says only
 * what the writer sent (it does not know who asks); the registration service adds which registration holds the
 * name or locator for a caller who may see that one. Every adapter says it in these words.
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

    /** One of {@code locators} belongs to another server name, which the words do not name. */
    public static AlreadyTaken locatorTaken(Set<Locator> locators) {
        String places = locators.size() == 1
                ? locators.iterator().next().describe()
                : "one of " + locators.stream().map(Locator::describe).collect(Collectors.joining(", "));
        return new AlreadyTaken(Rule.LOCATOR, places + " belongs to another server name");
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

    /** {@link #locatorTaken}, in the words of the {@code attempted} definition, naming nothing else. */
    public static AlreadyTaken locatorTaken(ServerDefinition attempted, Locator locator) {
        return new AlreadyTaken(Rule.LOCATOR, attempted.describe(locator) + " belongs to another server name");
    }

    /**
     * {@link #locatorTaken}, for a caller who may see {@code holder}: the server {@code locator} belongs to, and how
     * that server's registration spells it.
     */
    public static AlreadyTaken locatorHeldBy(ServerDefinition attempted, Locator locator, Registration holder) {
        return new AlreadyTaken(
                Rule.LOCATOR,
                attempted.describe(locator) + " belongs to server " + holder.serverName() + ": registration "
                        + holder.id() + " (" + holder.status().label() + ") has "
                        + holder.details().definition().describe(locator));
    }
}
