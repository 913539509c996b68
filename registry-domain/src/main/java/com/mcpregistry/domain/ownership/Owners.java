package com.mcpregistry.domain.ownership;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.user.Actor;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The owners of a server or a namespace claim: never none. In wire-name order, so that two equal sets read (and are
 * audited) alike.
 */
public record Owners(List<Owner> members) {
    private static final Comparator<Owner> ORDER = Comparator.comparing(Owner::wireName);

    public Owners {
        members = members.stream().distinct().sorted(ORDER).toList();
        if (members.isEmpty()) {
            throw new IllegalArgumentException("owners are never none");
        }
    }

    public static Owners of(Owner first, Owner... more) {
        Set<Owner> members = new LinkedHashSet<>(List.of(more));
        members.add(first);
        return new Owners(List.copyOf(members));
    }

    /** Whether {@code actor} is one of these owners or a member of an owning group. */
    public boolean includes(Actor actor) {
        return members.stream().anyMatch(owner -> owner.includes(actor));
    }

    public boolean contains(Owner owner) {
        return members.contains(owner);
    }

    /** Whether some owner is a group: only a token that lists its groups can show membership. */
    public boolean anyGroup() {
        return members.stream().anyMatch(Owner.OfGroup.class::isInstance);
    }

    /** These owners and {@code added}: the same owners when it is one already. */
    public Owners with(Owner added) {
        return with(Owners.of(added));
    }

    /** These owners and every one of {@code added}. */
    public Owners with(Owners added) {
        Set<Owner> all = new LinkedHashSet<>(members);
        all.addAll(added.members());
        return new Owners(List.copyOf(all));
    }

    /** These owners without {@code removed}; removing the last owner is a conflict: something is always owned. */
    public Owners without(Owner removed) {
        List<Owner> rest =
                members.stream().filter(owner -> !owner.equals(removed)).toList();
        if (rest.isEmpty()) {
            throw new Conflict(removed.wireName() + " is the only owner; add another owner before removing it,"
                    + " or have an administrator transfer the server");
        }
        return new Owners(rest);
    }

    @Override
    public String toString() {
        return members.stream().map(Owner::wireName).collect(Collectors.joining(", "));
    }
}
