package com.mcpregistry.entra;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.identity.port.out.TokenVerification.InsufficientScope;
import com.mcpregistry.identity.port.out.TokenVerification.Invalid;
import com.mcpregistry.identity.port.out.TokenVerification.Verified;
import com.nimbusds.jwt.JWTClaimsSet;
import java.lang.System.Logger.Level;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a token whose signature and standard claims have been verified identifies, and what it may do.
 *
 * <ul>
 *   <li>The caller is (tid, oid), never sub, email, upn or preferred_username: a user's object id, or a service
 *       principal's in an app-only token.
 *   <li>A delegated (user) token carries {@code scp}, which must hold the required scope when one is configured.
 *   <li>An app-only token (client credentials, workload identity federation) carries no {@code scp} and, when the API
 *       asks for the optional claim, {@code idtyp} {@code app}. Entra ID issues such tokens to any application of the
 *       tenant, with {@code roles} only when the API's app roles were assigned to it, so an app-only token must carry
 *       the publish role (or the admin role); one that carries other roles lacks it, one without any is not for this
 *       API. An {@code idtyp} that contradicts {@code scp} ({@code app} with it, {@code user} without) is refused.
 *   <li>Admin: the admin app role in {@code roles}, or the admin group in {@code groups}. A groups overage marker
 *       ({@code _claim_names.groups}, or {@code hasgroups}) means the groups are not in the token: not admin by group
 *       and a member of no owning group (fail closed), logged, and the overage URL is never fetched.
 *   <li>A user's display name from {@code name}, email from {@code preferred_username}, {@code upn} or
 *       {@code email}: profile fields only, sanitised. The verified e-mail comes only from claims Entra ID vouches
 *       for (see {@link #verifiedEmail}). A service principal has no e-mail; its display name is
 *       {@code app_displayname} when the token has it, else its application id ({@code azp}, or v1's {@code appid}).
 * </ul>
 */
final class IdentityClaims {

    static final int MAX_DISPLAY_NAME = 256;
    static final int MAX_EMAIL = 320;

    /** The values of the optional claim {@code idtyp}: an app-only token, or (if asked for) a user's. */
    private static final String APP = "app";

    private static final String USER = "user";

    private static final System.Logger LOG = System.getLogger(EntraAccessTokenVerifier.class.getName());

    private final EntraSettings settings;

    IdentityClaims(EntraSettings settings) {
        this.settings = settings;
    }

    TokenVerification toVerification(JWTClaimsSet claims) {
        EntraIdentity identity;
        Set<String> scopes;
        Set<String> roles;
        Set<String> groups;
        String tokenType;
        try {
            identity = new EntraIdentity(claims.getStringClaim("tid"), claims.getStringClaim("oid"));
            scopes = scopes(claims.getStringClaim("scp"));
            roles = strings(claims.getStringListClaim("roles"));
            groups = strings(claims.getStringListClaim("groups"));
            tokenType = claims.getStringClaim("idtyp");
        } catch (ParseException | InvalidInput e) {
            return new Invalid("malformed oid, tid, scp, roles, groups or idtyp claim");
        }
        if (scopes.isEmpty() && roles.isEmpty()) {
            return new Invalid("token carries neither scp nor roles");
        }
        boolean appOnly = scopes.isEmpty();
        if (tokenType != null && !tokenType.equals(appOnly ? APP : USER)) {
            return new Invalid(appOnly ? "idtyp " + tokenType + " without scp" : "idtyp " + tokenType + " with scp");
        }
        if (appOnly && !roles.contains(settings.publishRole()) && !roles.contains(settings.adminRole())) {
            // A genuine token of an application that was not granted the registry's publish role.
            return new InsufficientScope(settings.publishRole());
        }
        Optional<String> requiredScope = settings.requiredScope();
        if (!appOnly && requiredScope.isPresent() && !scopes.contains(requiredScope.get())) {
            return new InsufficientScope(requiredScope.get());
        }
        boolean groupsOverage = hasGroupsOverage(claims);
        boolean adminByGroup = false;
        if (settings.adminGroupId().isPresent()) {
            if (groupsOverage) {
                LOG.log(
                        Level.WARNING,
                        "groups overage in the token of oid {0} (tid {1}): not admin by group; "
                                + "assign the app role {2} instead",
                        identity.objectId(),
                        identity.tenantId(),
                        settings.adminRole());
            } else {
                String adminGroup = settings.adminGroupId().get();
                adminByGroup = groups.stream().anyMatch(adminGroup::equalsIgnoreCase);
            }
        }
        boolean admin = roles.contains(settings.adminRole()) || adminByGroup;
        // A service principal has no mailbox: whatever e-mail-like claim an app-only token might carry is no label.
        Optional<String> email = appOnly ? Optional.empty() : email(claims);
        Optional<String> verifiedEmail = appOnly ? Optional.empty() : verifiedEmail(claims);
        String displayName = appOnly ? applicationName(claims) : displayName(claims, email);
        return new Verified(new VerifiedToken(
                identity,
                displayName,
                email,
                verifiedEmail,
                roles,
                groupsOverage ? Set.of() : groups,
                groupsOverage,
                scopes,
                admin,
                claims.getExpirationTime().toInstant()));
    }

    private static boolean hasGroupsOverage(JWTClaimsSet claims) {
        Object names = claims.getClaim("_claim_names");
        if (names != null && (!(names instanceof Map<?, ?> map) || map.containsKey("groups"))) {
            return true;
        }
        Object hasGroups = claims.getClaim("hasgroups");
        return hasGroups != null && !Boolean.FALSE.equals(hasGroups);
    }

    private static Set<String> scopes(String scp) {
        if (scp == null || scp.isBlank()) {
            return Set.of();
        }
        return strings(Arrays.asList(scp.strip().split(" +")));
    }

    private static Set<String> strings(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                result.add(value);
            }
        }
        return result;
    }

    private static Optional<String> email(JWTClaimsSet claims) {
        for (String name : List.of("preferred_username", "upn", "email")) {
            Optional<String> email = emailIn(claims.getClaim(name));
            if (email.isPresent()) {
                return email;
            }
        }
        return Optional.empty();
    }

    /**
     * The e-mail Entra ID vouches for: the optional claim {@code verified_primary_email} (the user's primary
     * authoritative e-mail), or {@code email} when {@code xms_edov} says its domain is verified by the tenant that
     * owns it. Anything else ({@code preferred_username} above all) may be the user's own choice.
     */
    private static Optional<String> verifiedEmail(JWTClaimsSet claims) {
        Object primary = claims.getClaim("verified_primary_email");
        Optional<String> verified =
                primary instanceof List<?> list && !list.isEmpty() ? emailIn(list.get(0)) : emailIn(primary);
        if (verified.isPresent()) {
            return verified;
        }
        Object domainOwnerVerified = claims.getClaim("xms_edov");
        boolean edov = Boolean.TRUE.equals(domainOwnerVerified)
                || "true".equals(domainOwnerVerified)
                || "1".equals(domainOwnerVerified);
        return edov ? emailIn(claims.getClaim("email")) : Optional.empty();
    }

    private static Optional<String> emailIn(Object claim) {
        if (claim instanceof String value) {
            String candidate = value.strip();
            if (!candidate.isEmpty()
                    && candidate.codePointCount(0, candidate.length()) <= MAX_EMAIL
                    && candidate.codePoints().noneMatch(IdentityClaims::isUnsafe)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String displayName(JWTClaimsSet claims, Optional<String> email) {
        String name = claimText(claims, "name");
        if (!name.isEmpty()) {
            return name;
        }
        if (email.isPresent()) {
            return email.get();
        }
        return claimText(claims, "azp");
    }

    /**
     * A service principal's label: the application's display name (v1.0 tokens carry it as {@code app_displayname}),
     * else its application (client) id, {@code azp} in v2.0 tokens and {@code appid} in v1.0 ones.
     */
    private static String applicationName(JWTClaimsSet claims) {
        for (String claim : List.of("app_displayname", "azp", "appid")) {
            String name = claimText(claims, claim);
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "";
    }

    /** The claim's text, sanitised; empty when it is absent or not text. */
    private static String claimText(JWTClaimsSet claims, String claim) {
        return claims.getClaim(claim) instanceof String value ? sanitise(value) : "";
    }

    /** Without control characters, bidi overrides and lone surrogates; trimmed; at most 256 code points. */
    static String sanitise(String value) {
        StringBuilder clean = new StringBuilder(Math.min(value.length(), MAX_DISPLAY_NAME));
        value.strip()
                .codePoints()
                .filter(cp -> !isUnsafe(cp))
                .limit(MAX_DISPLAY_NAME)
                .forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }

    private static boolean isUnsafe(int codePoint) {
        return Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.SURROGATE
                || codePoint == 0xFFFE
                || codePoint == 0xFFFF
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
