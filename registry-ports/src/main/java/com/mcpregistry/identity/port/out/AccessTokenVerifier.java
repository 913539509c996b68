package com.mcpregistry.identity.port.out;

/** Checks a bearer access token and tells who it identifies. Never throws for a bad token: it says so. */
public interface AccessTokenVerifier {

    TokenVerification verify(String bearerToken);
}
