package com.mcpregistry.domain.ownership;

import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.Actor;
import java.util.Optional;

/**
 * Who may publish under a name, and who may change who owns what. The rules in one place:
 *
 * <ul>
 *   <li>A server's owners (users, and members of owning groups) and administrators may submit its further versions
 *       and act on its registrations ({@link com.mcpregistry.domain.registration.Workflow}).
 *   <li>The first version of a new name: under a namespace claim, only the claim's owners (the longest claimed
 *       prefix wins); under no claim, anyone when the {@link NamespacePolicy} is open, nobody but an administrator
 *       when it is {@code claimed}. The server's first owners are its submitter and the claim's owners.
 *   <li>A server's owners and administrators add and remove its owners; only administrators transfer a server (replace
 *       all its owners) or claim and release namespaces. Something always has an owner.
 * </ul>
 *
 * A token with a groups overage lists no groups, so its bearer is a member of no owning group (fail closed); the
 * refusal says so.
 */
public final class Ownership {

    private Ownership() {}

    /**
     * The owners {@code name} has once {@code actor} submits a version of it: {@code current} when the server exists
     * (and the actor may publish there), otherwise its first owners.
     *
     * @param current the server's owners, empty for a name nobody has submitted yet
     * @param claim the claim that governs the name ({@link NamespaceClaim#governing}), if any
     * @throws NotAnOwner when the actor may not publish under this name
     * @throws Forbidden when the name is new, unclaimed and the policy is {@code claimed}
     */
    public static Owners admitSubmission(
            Actor actor,
            ServerName name,
            Optional<Owners> current,
            Optional<NamespaceClaim> claim,
            NamespacePolicy policy) {
        Owner submitter = Owner.user(actor.userId());
        if (current.isPresent()) {
            Owners owners = current.get();
            if (!actor.admin() && !owners.includes(actor)) {
                throw notAnOwner(
                        "only the owners of " + name + " and administrators may submit its versions", actor, owners);
            }
            return owners;
        }
        if (claim.isPresent()) {
            NamespaceClaim governing = claim.get();
            if (!actor.admin() && !governing.owners().includes(actor)) {
                throw notAnOwner(
                        "the namespace " + governing.prefix() + " is claimed; only its owners may submit new servers"
                                + " under it",
                        actor,
                        governing.owners());
            }
            return governing.owners().with(submitter);
        }
        if (policy == NamespacePolicy.CLAIMED && !actor.admin()) {
            throw new Forbidden("no claim covers the namespace " + NamespacePrefix.namespaceOf(name)
                    + ", and this registry accepts new servers only under claimed namespaces (NAMESPACE_POLICY"
                    + " is claimed); ask an administrator to claim it for you or your team");
        }
        return Owners.of(submitter);
    }

    /** May {@code actor} add or remove owners of a server that {@code owners} own? */
    public static void requireMayManage(Actor actor, ServerName name, Owners owners) {
        if (!actor.admin() && !owners.includes(actor)) {
            throw notAnOwner("only the owners of " + name + " and administrators may change its owners", actor, owners);
        }
    }

    /** May {@code actor} transfer servers, or claim and release namespaces? Administrators only. */
    public static void requireAdmin(Actor actor, String what) {
        if (!actor.admin()) {
            throw new Forbidden("only administrators may " + what);
        }
    }

    /** {@code owners}' refusal of {@code actor}, saying why a member of an owning group may not be recognised. */
    public static NotAnOwner notAnOwner(String message, Actor actor, Owners owners) {
        String overage = actor.groupsOverage() && owners.anyGroup()
                ? "; your token carries a groups overage marker instead of your groups, so membership of an owning"
                        + " group cannot be checked and counts as none (ask an owner to add you as a user)"
                : "";
        return new NotAnOwner(message + overage, owners);
    }
}
