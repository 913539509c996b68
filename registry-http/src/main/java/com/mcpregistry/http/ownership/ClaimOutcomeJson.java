package com.mcpregistry.http.ownership;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.ownership.ClaimOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /namespaces}: the new claim, as {@link NamespaceClaimJson} writes it, and the servers under it whose
 * owners stay outside the claim ({@code conflicts}, the first {@link ClaimOutcome#MAX_LISTED} of {@code
 * conflict_count}): a claim never re-owns an existing server, so the administrator settles each.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClaimOutcomeJson(
        String prefix,
        List<OwnerJson> owners,
        @JsonInclude(JsonInclude.Include.ALWAYS) UUID claimedBy,
        Instant claimedAt,
        List<ServerOwnersJson> conflicts,
        long conflictCount) {

    public static ClaimOutcomeJson of(ClaimOutcome outcome) {
        NamespaceClaimJson claim = NamespaceClaimJson.of(outcome.claimed());
        return new ClaimOutcomeJson(
                claim.prefix(),
                claim.owners(),
                claim.claimedBy(),
                claim.claimedAt(),
                outcome.conflicts().stream().map(ServerOwnersJson::of).toList(),
                outcome.conflictCount());
    }
}
