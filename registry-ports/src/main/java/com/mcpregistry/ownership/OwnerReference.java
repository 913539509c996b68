package com.mcpregistry.ownership;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.user.GroupId;
import java.util.Objects;

/**
 * How a client names an owner to add: {@code group:<group object id>}, {@code user:<user id>}, or a user's Entra
 * object id or verified e-mail (they must have signed in once). The service resolves it to an {@link Owner}.
 */
public sealed interface OwnerReference permits OwnerReference.Resolved, OwnerReference.UserLookup {

    /** An owner named exactly: a group, or a user by the registry's id. */
    record Resolved(Owner owner) implements OwnerReference {
        public Resolved {
            Objects.requireNonNull(owner, "owner");
        }
    }

    /** A user named by their Entra object id or verified e-mail, to be looked up. */
    record UserLookup(String objectIdOrVerifiedEmail) implements OwnerReference {
        public UserLookup {
            Text.require("owner", objectIdOrVerifiedEmail, 320);
        }
    }

    /** The reference a client wrote in {@code field}. */
    static OwnerReference parse(String field, String raw) {
        Text.require(field, raw, 320);
        String value = raw.strip();
        if (value.startsWith("user:") || value.startsWith("group:")) {
            return new Resolved(Owner.parse(field, value));
        }
        return new UserLookup(value);
    }

    /** A group by its object id. */
    static OwnerReference group(GroupId groupId) {
        return new Resolved(Owner.group(groupId));
    }
}
