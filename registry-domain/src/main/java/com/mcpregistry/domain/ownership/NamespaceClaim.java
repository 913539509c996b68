package com.mcpregistry.domain.ownership;

import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** An administrator's claim of a namespace for its owners: only they may submit new servers under it. */
public record NamespaceClaim(NamespacePrefix prefix, Owners owners, Optional<UserId> claimedBy, Instant claimedAt) {
    public NamespaceClaim {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(claimedBy, "claimedBy");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    /** The claim that governs {@code name} among {@code claims}: the longest prefix covering it wins. */
    public static Optional<NamespaceClaim> governing(Collection<NamespaceClaim> claims, ServerName name) {
        return claims.stream()
                .filter(claim -> claim.prefix().covers(name))
                .max(Comparator.comparingInt(claim -> claim.prefix().value().length()));
    }
}
