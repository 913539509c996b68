package com.mcpregistry.domain.ownership;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.UserId;
import java.util.Objects;

/**
 * Who owns a server or a namespace: a user, or an Entra ID group whose members are owners while their token says
 * they are members. The wire form is {@code user:<user id>} or {@code group:<group object id>}.
 */
public sealed interface Owner permits Owner.OfUser, Owner.OfGroup {

    /** Whether {@code actor} is, or is a member of, this owner. */
    boolean includes(Actor actor);

    /** {@code user:<id>} or {@code group:<id>}: how the database, the audit trail and paths name this owner. */
    String wireName();

    record OfUser(UserId userId) implements Owner {
        public OfUser {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public boolean includes(Actor actor) {
            return actor.is(userId);
        }

        @Override
        public String wireName() {
            return "user:" + userId;
        }
    }

    record OfGroup(GroupId groupId) implements Owner {
        public OfGroup {
            Objects.requireNonNull(groupId, "groupId");
        }

        @Override
        public boolean includes(Actor actor) {
            return actor.groups().contains(groupId);
        }

        @Override
        public String wireName() {
            return "group:" + groupId;
        }
    }

    static Owner user(UserId userId) {
        return new OfUser(userId);
    }

    static Owner group(GroupId groupId) {
        return new OfGroup(groupId);
    }

    /** The owner a client named in {@code field} by its wire name; anything else is invalid input. */
    static Owner parse(String field, String raw) {
        if (raw != null && raw.startsWith("user:")) {
            return new OfUser(UserId.parse(field, raw.substring("user:".length())));
        }
        if (raw != null && raw.startsWith("group:")) {
            return new OfGroup(GroupId.parse(field, raw.substring("group:".length())));
        }
        throw InvalidInput.of(field, "must be user:<user id> or group:<group object id>");
    }
}
