package com.mcpregistry.http.api;

import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.identity.port.out.TokenVerification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts made-up tokens for tests of what the API does with a verified caller: {@code user-<name>} is a user,
 * {@code admin-<name>} an administrator, with the object id {@code oid-<name>} and the e-mail {@code
 * <name>@contoso.com}, which Entra ID vouches for; {@link #inGroups} adds the token's {@code groups} claim, {@link
 * #withGroupsOverage} Entra ID's overage marker instead. Anything else is invalid. Verifying real tokens is the Entra
 * adapter's business and is tested there and end to end.
 */
public final class StubTokens implements AccessTokenVerifier {
    private static final String GROUPS = ";groups=";
    private static final String OVERAGE = ";groups-overage";

    public static String user(String name) {
        return "user-" + name;
    }

    public static String admin(String name) {
        return "admin-" + name;
    }

    /** {@code token} whose {@code groups} claim lists {@code groupIds}. */
    public static String inGroups(String token, String... groupIds) {
        return token + GROUPS + String.join(",", groupIds);
    }

    /** {@code token} carrying the groups overage marker: too many groups to list. */
    public static String withGroupsOverage(String token) {
        return token + OVERAGE;
    }

    @Override
    public TokenVerification verify(String token) {
        boolean admin = token.startsWith("admin-");
        if (!admin && !token.startsWith("user-")) {
            return new TokenVerification.Invalid("not a test token");
        }
        String subject = token.substring(token.indexOf('-') + 1);
        Set<String> groups = Set.of();
        boolean overage = false;
        if (subject.endsWith(OVERAGE)) {
            subject = subject.substring(0, subject.length() - OVERAGE.length());
            overage = true;
        } else if (subject.contains(GROUPS)) {
            groups = Set.copyOf(Arrays.asList(
                    subject.substring(subject.indexOf(GROUPS) + GROUPS.length()).split(",")));
            subject = subject.substring(0, subject.indexOf(GROUPS));
        }
        String name = subject;
        return new TokenVerification.Verified(new VerifiedToken(
                new EntraIdentity("test-tenant", "oid-" + name),
                name,
                Optional.of(name + "@contoso.com"),
                Optional.of(name + "@contoso.com"),
                Set.of(),
                groups,
                overage,
                Set.of(),
                admin,
                Instant.now().plus(1, ChronoUnit.HOURS)));
    }
}
