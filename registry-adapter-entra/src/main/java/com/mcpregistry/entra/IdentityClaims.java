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
 *   <li>The user is (tid, oid), never sub, email, upn or preferred_username.
 *   <li>A delegated token carries {@code scp}, which must hold the required scope when one is configured; an
 *       app-only token carries {@code roles} instead; a token with neither is not for this API.
 *   <li>Admin: the admin app role in {@code roles}, or the admin group in {@code groups}. A groups overage marker
 *       ({@code _claim_names.groups}, or {@code hasgroups}) means the groups are not in the token: not admin by group
 *       and a member of no owning group (fail closed), logged, and the overage URL is never fetched.
 *   <li>Display name from {@code name}, email from {@code preferred_username}, {@code upn} or {@code email}: profile
 *       fields only, sanitised. The verified e-mail comes only from claims Entra ID vouches for (see
 *       {@link #verifiedEmail}).
 * </ul>
 */
final class IdentityClaims {

    static final int MAX_DISPLAY_NAME = 256;
    static final int MAX_EMAIL = 320;

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
        try {
            identity = new EntraIdentity(claims.getStringClaim("tid"), claims.getStringClaim("oid"));
            scopes = scopes(claims.getStringClaim("scp"));
            roles = strings(claims.getStringListClaim("roles"));
            groups = strings(claims.getStringListClaim("groups"));
        } catch (ParseException | InvalidInput e) {
            return new Invalid("malformed oid, tid, scp, roles or groups claim");
        }
        if (scopes.isEmpty() && roles.isEmpty()) {
            return new Invalid("token carries neither scp nor roles");
        }
        Optional<String> requiredScope = settings.requiredScope();
        if (!scopes.isEmpty() && requiredScope.isPresent() && !scopes.contains(requiredScope.get())) {
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
        Optional<String> email = email(claims);
        String displayName = displayName(claims, email);
        return new Verified(new VerifiedToken(
                identity,
                displayName,
                email,
                verifiedEmail(claims),
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
        if (claims.getClaim("name") instanceof String name) {
            String clean = sanitise(name);
            if (!clean.isEmpty()) {
                return clean;
            }
        }
        if (email.isPresent()) {
            return email.get();
        }
        // App-only tokens have no name: the calling application's id is the best label there is.
        if (claims.getClaim("azp") instanceof String azp) {
            return sanitise(azp);
        }
        return "";
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
