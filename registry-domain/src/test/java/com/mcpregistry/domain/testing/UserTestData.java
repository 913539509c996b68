package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Users with an identity no other test uses, first seen at {@link RegistrationTestData#T0}, not admins. */
public final class UserTestData {

    private UserTestData() {}

    public static Builder aUser() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Instant t0 = RegistrationTestData.T0;
        return new Builder(
                UserId.random(),
                new EntraIdentity("tenant-" + tag, "oid-" + tag),
                Optional.of("user-" + tag + "@example.com"),
                "Test User " + tag,
                false,
                t0,
                t0,
                t0);
    }

    public static final class Builder {
        private UserId id;
        private EntraIdentity identity;
        private Optional<String> email;
        private String displayName;
        private boolean admin;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant lastSeenAt;

        private Builder(
                UserId id,
                EntraIdentity identity,
                Optional<String> email,
                String displayName,
                boolean admin,
                Instant createdAt,
                Instant updatedAt,
                Instant lastSeenAt) {
            this.id = id;
            this.identity = identity;
            this.email = email;
            this.displayName = displayName;
            this.admin = admin;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
            this.lastSeenAt = lastSeenAt;
        }

        public Builder withId(UserId value) {
            this.id = value;
            return this;
        }

        public Builder withIdentity(EntraIdentity value) {
            this.identity = value;
            return this;
        }

        public Builder withEmail(Optional<String> value) {
            this.email = value;
            return this;
        }

        public Builder withDisplayName(String value) {
            this.displayName = value;
            return this;
        }

        public Builder admin(boolean value) {
            this.admin = value;
            return this;
        }

        /** Created, updated and last seen at {@code at}. */
        public Builder seenAt(Instant at) {
            this.createdAt = at;
            this.updatedAt = at;
            this.lastSeenAt = at;
            return this;
        }

        public Builder seen(Instant created, Instant updated, Instant lastSeen) {
            this.createdAt = created;
            this.updatedAt = updated;
            this.lastSeenAt = lastSeen;
            return this;
        }

        public User build() {
            return new User(id, identity, email, displayName, admin, createdAt, updatedAt, lastSeenAt);
        }
    }
}
