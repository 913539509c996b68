package com.mcpregistry.identity.port.in;

import com.mcpregistry.domain.error.InsufficientScope;
import com.mcpregistry.domain.error.Unauthenticated;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.identity.SignedIn;

/** Who is behind a bearer access token: verifies the token and signs its user in. */
public interface AuthenticateUseCase {

    /**
     * The signed-in user of a valid token.
     *
     * @throws Unauthenticated the token is not one this registry accepts (expired, forged, for another audience…)
     * @throws InsufficientScope the token is valid but lacks the scope this registry requires
     * @throws Unavailable the token cannot be checked now: the identity provider's signing keys are out of reach
     */
    SignedIn authenticate(String bearerToken);
}
