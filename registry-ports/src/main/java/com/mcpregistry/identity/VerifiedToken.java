package com.mcpregistry.identity;

import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a valid access token says about its bearer: who they are (their Entra identity), their profile (an e-mail
 * label, and the e-mail the identity provider vouches for when the token carries one) and their rights. {@code admin} is true when the token carries the administrator
 * app role or group; {@code scopes} are delegated permissions ({@code scp}), {@code roles} app roles. {@code
 * groups} are the group object ids the token lists; {@code groupsOverage} says that it could not list them all (Entra
 * ID's overage marker), so that no group membership can be shown.
 */
public record VerifiedToken(
        EntraIdentity identity,
        String displayName,
        Optional<String> email,
        Optional<String> verifiedEmail,
        Set<String> roles,
        Set<String> groups,
        boolean groupsOverage,
        Set<String> scopes,
        boolean admin,
        Instant expiresAt) {

    public VerifiedToken {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(verifiedEmail, "verifiedEmail");
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public User.Profile profile() {
        return new User.Profile(email, verifiedEmail, displayName);
    }
}
