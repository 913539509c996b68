package com.mcpregistry.http.ownership;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.ownership.NamedOwner;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An owner as the API writes it: {@code owner} is its wire name ({@code user:<user id>} or {@code group:<group
 * object id>}, what {@code DELETE /servers/{server_name}/owners/{owner}} takes), {@code kind} says which; a user
 * owner carries the {@code user_id} and, when the registry knows the user, their display name and e-mail; a group
 * owner its {@code group_id}, nothing more (Entra ID knows its members, the registry does not).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OwnerJson(
        String owner,
        String kind,
        Optional<UUID> userId,
        Optional<String> displayName,
        Optional<String> email,
        Optional<String> groupId) {

    public static OwnerJson of(NamedOwner named) {
        if (named.owner() instanceof Owner.OfGroup group) {
            return new OwnerJson(
                    group.wireName(),
                    "group",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(group.groupId().value()));
        }
        Owner.OfUser user = (Owner.OfUser) named.owner();
        return new OwnerJson(
                user.wireName(),
                "user",
                Optional.of(user.userId().value()),
                named.user().map(User::displayName),
                // The e-mail Entra ID vouches for, else the one the token carried: as NamedOwner.contact names them.
                named.user().flatMap(u -> u.verifiedEmail().or(u::email)),
                Optional.empty());
    }

    public static List<OwnerJson> of(List<NamedOwner> owners) {
        return owners.stream().map(OwnerJson::of).toList();
    }
}
