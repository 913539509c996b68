package com.mcpregistry.http.ownership;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.ownership.ClaimedNamespace;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A namespace claim as the API writes it. {@code claimed_by} is the administrator's {@code user_id}, {@code null}
 * when an operator claimed it from the command line.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NamespaceClaimJson(
        String prefix,
        List<OwnerJson> owners,
        @JsonInclude(JsonInclude.Include.ALWAYS) UUID claimedBy,
        Instant claimedAt) {

    public static NamespaceClaimJson of(ClaimedNamespace claimed) {
        return new NamespaceClaimJson(
                claimed.claim().prefix().value(),
                OwnerJson.of(claimed.owners()),
                claimed.claim().claimedBy().map(UserId::value).orElse(null),
                claimed.claim().claimedAt());
    }
}
