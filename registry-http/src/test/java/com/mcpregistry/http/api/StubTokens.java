package com.mcpregistry.http.api;

import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.identity.port.out.TokenVerification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts made-up tokens for tests of what the API does with a verified caller: {@code user-<name>} is a user,
 * {@code admin-<name>} an administrator; anything else is invalid. Verifying real tokens is the Entra adapter's
 * business and is tested there and end to end.
 */
public final class StubTokens implements AccessTokenVerifier {

    public static String user(String name) {
        return "user-" + name;
    }

    public static String admin(String name) {
        return "admin-" + name;
    }

    @Override
    public TokenVerification verify(String token) {
        boolean admin = token.startsWith("admin-");
        if (!admin && !token.startsWith("user-")) {
            return new TokenVerification.Invalid("not a test token");
        }
        String name = token.substring(token.indexOf('-') + 1);
        return new TokenVerification.Verified(new VerifiedToken(
                new EntraIdentity("test-tenant", "oid-" + name),
                name,
                Optional.of(name + "@contoso.com"),
                Optional.empty(),
                Set.of(),
                Set.of(),
                false,
                Set.of(),
                admin,
                Instant.now().plus(1, ChronoUnit.HOURS)));
    }
}
