package com.mcpregistry.ownership.port.out;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.ownership.NamespaceClaim;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.shared.ServerName;
import java.util.List;
import java.util.Optional;

/** The namespace claims administrators made. */
public interface NamespaceClaimRepository {

    /**
     * The claim governing {@code server}: of the claims whose prefix covers it, the one with the longest prefix
     * ({@link NamespaceClaim#governing}); a store looks up {@link NamespacePrefix#candidatesFor}.
     */
    Optional<NamespaceClaim> governing(ServerName server);

    /** Every claim, by prefix. */
    List<NamespaceClaim> all();

    Optional<NamespaceClaim> find(NamespacePrefix prefix);

    /**
     * Stores a new claim.
     *
     * @throws Conflict when its prefix is claimed already
     */
    void insert(NamespaceClaim claim);

    /** Removes the claim on {@code prefix}; false when there was none. */
    boolean delete(NamespacePrefix prefix);
}
