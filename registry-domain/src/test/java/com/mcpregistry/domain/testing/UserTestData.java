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
        return new Builder(UUID.randomUUID().toString().replace("-", "").substring(0, 8));
    }

    public static final class Builder {
        private UserId id = UserId.random();
        private EntraIdentity identity;
        private Optional<String> email;
        private Optional<String> verifiedEmail = Optional.empty();
        private String displayName;
        private boolean admin;
        private Instant createdAt = RegistrationTestData.T0;
        private Instant updatedAt = RegistrationTestData.T0;
        private Instant lastSeenAt = RegistrationTestData.T0;

        private Builder(String tag) {
            this.identity = new EntraIdentity("tenant-" + tag, "oid-" + tag);
            this.email = Optional.of("user-" + tag + "@example.com");
            this.displayName = "Test User " + tag;
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

        public Builder withVerifiedEmail(Optional<String> value) {
            this.verifiedEmail = value;
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
            return new User(id, identity, email, verifiedEmail, displayName, admin, createdAt, updatedAt, lastSeenAt);
        }
    }
}
