package com.mcpregistry.inmemory;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.ownership.NamespaceClaim;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link NamespaceClaimRepository} in an {@link InMemoryDatabase}. */
public final class InMemoryNamespaceClaimRepository implements NamespaceClaimRepository {
    private final InMemoryDatabase db;

    InMemoryNamespaceClaimRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<NamespaceClaim> governing(ServerName server) {
        return db.atomically(() -> NamespaceClaim.governing(db.namespaceClaims.values(), server));
    }

    @Override
    public List<NamespaceClaim> all() {
        return db.atomically(() -> db.namespaceClaims.values().stream()
                .sorted(Comparator.comparing(claim -> claim.prefix().value()))
                .toList());
    }

    @Override
    public Optional<NamespaceClaim> find(NamespacePrefix prefix) {
        return db.atomically(() -> Optional.ofNullable(db.namespaceClaims.get(prefix)));
    }

    @Override
    public void insert(NamespaceClaim claim) {
        db.atomically(() -> {
            if (db.namespaceClaims.putIfAbsent(claim.prefix(), claim) != null) {
                throw new Conflict("the namespace " + claim.prefix() + " is claimed already");
            }
            return null;
        });
    }

    @Override
    public boolean delete(NamespacePrefix prefix) {
        return db.atomically(() -> db.namespaceClaims.remove(prefix) != null);
    }
}
