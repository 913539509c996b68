package com.mcpregistry.ownership.port.in;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.ClaimOutcome;
import com.mcpregistry.ownership.ClaimedNamespace;
import com.mcpregistry.ownership.OwnerReference;
import java.util.List;
import java.util.Optional;

/** Namespace claims: anyone signed in reads them; administrators claim and release. */
public interface ManageNamespacesUseCase {

    /** Every claim, by prefix. */
    List<ClaimedNamespace> claims();

    /** The policy for names no claim covers. */
    NamespacePolicy policy();

    /**
     * Claims {@code prefix} for {@code owners}. Existing servers under it keep their owners: those owned outside the
     * claim come back as conflicts for the administrator to settle.
     *
     * @throws Forbidden unless {@code by} is an administrator
     * @throws Conflict when the prefix is claimed already
     */
    ClaimOutcome claim(By by, NamespacePrefix prefix, List<OwnerReference> owners, Optional<String> requestId);

    /**
     * Releases the claim on {@code prefix}; the servers under it keep their owners.
     *
     * @throws NotFound when nobody claimed it
     */
    ClaimedNamespace release(By by, NamespacePrefix prefix, Optional<String> requestId);
}
