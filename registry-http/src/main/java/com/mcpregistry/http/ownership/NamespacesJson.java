package com.mcpregistry.http.ownership;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.ownership.ClaimedNamespace;
import java.util.List;

/** {@code GET /namespaces}: the policy for names no claim covers ({@code open} or {@code claimed}), and every claim. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NamespacesJson(String policy, List<NamespaceClaimJson> namespaces) {

    public static NamespacesJson of(NamespacePolicy policy, List<ClaimedNamespace> claims) {
        return new NamespacesJson(
                policy.wireName(), claims.stream().map(NamespaceClaimJson::of).toList());
    }
}
