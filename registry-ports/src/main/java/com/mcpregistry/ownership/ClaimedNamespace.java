package com.mcpregistry.ownership;

import com.mcpregistry.domain.ownership.NamespaceClaim;
import java.util.List;
import java.util.Objects;

/** A namespace claim with its owners named. */
public record ClaimedNamespace(NamespaceClaim claim, List<NamedOwner> owners) {
    public ClaimedNamespace {
        Objects.requireNonNull(claim, "claim");
        owners = List.copyOf(owners);
    }
}
