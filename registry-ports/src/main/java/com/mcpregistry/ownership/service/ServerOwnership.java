package com.mcpregistry.ownership.service;

import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.ownership.Ownership;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.NamedOwner;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the registration use cases need to know about owners: who owns a registration's server, whether a submitter
 * may publish under a name (making the first submitter of a new name its owner), and a refusal in words that name
 * whom to ask.
 */
public final class ServerOwnership {
    private final ServerOwnerRepository owners;
    private final NamespaceClaimRepository claims;
    private final UserRepository users;
    private final NamespacePolicy policy;

    public ServerOwnership(
            ServerOwnerRepository owners,
            NamespaceClaimRepository claims,
            UserRepository users,
            NamespacePolicy policy) {
        this.owners = owners;
        this.claims = claims;
        this.users = users;
        this.policy = policy;
    }

    public NamespacePolicy policy() {
        return policy;
    }

    /**
     * Within the submitting transaction: may {@code actor} submit a version of {@code name}? Locks the name, so that
     * of two first submissions of a new name one becomes its owner and the other is judged against that owner; a new
     * name gets its first owners here.
     *
     * @throws Forbidden (a {@link NotAnOwner} naming the owners) when the actor may not
     */
    public Owners admitSubmission(Actor actor, ServerName name, Instant now) {
        owners.lock(name);
        Optional<Owners> current = owners.find(name);
        Owners admitted = Ownership.admitSubmission(
                actor, name, current, current.isPresent() ? Optional.empty() : claims.governing(name), policy);
        if (current.isEmpty()) {
            owners.save(name, admitted, now);
        }
        return admitted;
    }

    /**
     * The owners of {@code registration}'s server. A server stored without owners (which the schema's migration
     * prevents) is owned by the registration's submitter, as before owners existed.
     */
    public Owners of(Registration registration) {
        return owners.find(registration.serverName()).orElseGet(() -> submitterOf(registration));
    }

    /** {@link #of} for many registrations, in one look-up. */
    public Map<ServerName, Owners> of(Collection<Registration> registrations) {
        Map<ServerName, Owners> found =
                owners.find(registrations.stream().map(Registration::serverName).collect(Collectors.toSet()));
        return registrations.stream()
                .collect(Collectors.toMap(
                        Registration::serverName,
                        r -> Optional.ofNullable(found.get(r.serverName())).orElseGet(() -> submitterOf(r)),
                        (a, b) -> a));
    }

    /** {@code refusal} with its owners named and how to reach them. */
    public Forbidden explained(NotAnOwner refusal) {
        return new NotAnOwner(
                refusal.getMessage() + "; the owners are "
                        + named(refusal.owners()).stream()
                                .map(NamedOwner::contact)
                                .collect(Collectors.joining(", ")),
                refusal.owners());
    }

    /** {@code owners} with what the registry knows of each user among them. */
    public List<NamedOwner> named(Owners owners) {
        return owners.members().stream()
                .map(owner -> new NamedOwner(
                        owner, owner instanceof Owner.OfUser user ? users.findById(user.userId()) : Optional.empty()))
                .toList();
    }

    private static Owners submitterOf(Registration registration) {
        return Owners.of(Owner.user(registration.submitterId()));
    }
}
