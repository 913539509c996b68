package com.mcpregistry.identity.service;

import com.mcpregistry.domain.error.InsufficientScope;
import com.mcpregistry.domain.error.Unauthenticated;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.port.in.AuthenticateUseCase;
import com.mcpregistry.identity.port.in.SignInUseCase;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.identity.port.out.TokenVerification;

/** Verifies a bearer token and signs its user in. */
public final class AuthenticationService implements AuthenticateUseCase {
    private final AccessTokenVerifier verifier;
    private final SignInUseCase signIn;

    public AuthenticationService(AccessTokenVerifier verifier, SignInUseCase signIn) {
        this.verifier = verifier;
        this.signIn = signIn;
    }

    @Override
    public SignedIn authenticate(String bearerToken) {
        TokenVerification verification = verifier.verify(bearerToken);
        if (verification instanceof TokenVerification.Verified verified) {
            return signIn.signIn(verified.identity());
        }
        if (verification instanceof TokenVerification.InsufficientScope insufficient) {
            throw new InsufficientScope(insufficient.requiredScope());
        }
        if (verification instanceof TokenVerification.ProviderUnavailable unavailable) {
            throw new Unavailable("the identity provider's signing keys cannot be fetched: " + unavailable.reason());
        }
        throw new Unauthenticated(((TokenVerification.Invalid) verification).reason());
    }
}
