package com.mcpregistry.inmemory;

import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.ownership.ServerOwners;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@link ServerOwnerRepository} in an {@link InMemoryDatabase}, whose one-at-a-time transactions are the lock. */
public final class InMemoryServerOwnerRepository implements ServerOwnerRepository {
    private final InMemoryDatabase db;

    InMemoryServerOwnerRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void lock(ServerName server) {
        // Every transaction runs alone.
    }

    @Override
    public Optional<Owners> find(ServerName server) {
        return db.atomically(() -> Optional.ofNullable(db.serverOwners.get(server)));
    }

    @Override
    public Map<ServerName, Owners> find(Collection<ServerName> servers) {
        return db.atomically(() -> servers.stream()
                .filter(db.serverOwners::containsKey)
                .distinct()
                .collect(Collectors.toMap(server -> server, db.serverOwners::get)));
    }

    @Override
    public void save(ServerName server, Owners owners, Instant at) {
        db.atomically(() -> db.serverOwners.put(server, owners));
    }

    @Override
    public List<ServerOwners> ownedOutside(NamespacePrefix prefix, Owners owners, int limit) {
        return db.atomically(() -> outside(prefix, owners).limit(limit).toList());
    }

    @Override
    public long countOwnedOutside(NamespacePrefix prefix, Owners owners) {
        return db.atomically(() -> outside(prefix, owners).count());
    }

    private Stream<ServerOwners> outside(NamespacePrefix prefix, Owners owners) {
        return db.serverOwners.entrySet().stream()
                .filter(e -> prefix.covers(e.getKey()))
                .filter(e -> !e.getValue().members().stream().allMatch(owners::contains))
                .map(e -> new ServerOwners(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(s -> s.server().value()));
    }
}
