package com.mcpregistry.identity.port.in;

import com.mcpregistry.identity.SignedIn;
import java.util.Objects;

/** Who is behind a bearer access token: verifies the token and signs its user in. */
public interface AuthenticateUseCase {

    Authentication authenticate(String bearerToken);

    /** What authenticating a token found: a signed-in user, or why there is none. */
    sealed interface Authentication {}

    /** The token is valid; its user is signed in. */
    record Authenticated(SignedIn signedIn) implements Authentication {
        public Authenticated {
            Objects.requireNonNull(signedIn, "signedIn");
        }
    }

    /** The token is not one this registry accepts (expired, forged, for another audience...). */
    record InvalidToken(String reason) implements Authentication {
        public InvalidToken {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The token is valid but lacks the scope this registry requires. */
    record InsufficientScope(String requiredScope) implements Authentication {
        public InsufficientScope {
            Objects.requireNonNull(requiredScope, "requiredScope");
        }
    }

    /** The token could not be checked: the identity provider's signing keys are out of reach. */
    record ProviderUnavailable(String reason) implements Authentication {
        public ProviderUnavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
