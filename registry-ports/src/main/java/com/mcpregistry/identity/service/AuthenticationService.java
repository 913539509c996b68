package com.mcpregistry.identity.service;

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
    public Authentication authenticate(String bearerToken) {
        TokenVerification verification = verifier.verify(bearerToken);
        if (verification instanceof TokenVerification.Verified verified) {
            return new Authenticated(signIn.signIn(verified.identity()));
        }
        if (verification instanceof TokenVerification.InsufficientScope insufficient) {
            return new InsufficientScope(insufficient.requiredScope());
        }
        if (verification instanceof TokenVerification.ProviderUnavailable unavailable) {
            return new ProviderUnavailable(unavailable.reason());
        }
        return new InvalidToken(((TokenVerification.Invalid) verification).reason());
    }
}
