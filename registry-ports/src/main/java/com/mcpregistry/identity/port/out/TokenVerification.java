package com.mcpregistry.identity.port.out;

import com.mcpregistry.identity.VerifiedToken;
import java.util.Objects;

/** What checking an access token found. */
public sealed interface TokenVerification {

    /** The token is valid and identifies this caller. */
    record Verified(VerifiedToken identity) implements TokenVerification {
        public Verified {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** The token is missing, malformed, expired or otherwise not acceptable. {@code reason} is safe to log. */
    record Invalid(String reason) implements TokenVerification {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The token is valid but lacks the scope this API requires. */
    record InsufficientScope(String requiredScope) implements TokenVerification {
        public InsufficientScope {
            Objects.requireNonNull(requiredScope, "requiredScope");
        }
    }

    /** The identity provider's keys are not known and cannot be fetched now: try again later. */
    record ProviderUnavailable(String reason) implements TokenVerification {
        public ProviderUnavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
