package com.mcpregistry.domain.user;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static com.mcpregistry.domain.testing.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant FIRST = Instant.parse("2025-01-01T09:00:00Z");
    private static final EntraIdentity ALICE = new EntraIdentity("tenant-1", "oid-alice");
    private static final User.Profile PROFILE = new User.Profile(Optional.of("alice@contoso.com"), "Alice");

    private static User alice() {
        return User.firstSeen(UserId.random(), ALICE, PROFILE, FIRST);
    }

    @Test
    void a_user_seen_for_the_first_time_is_not_an_admin_and_all_times_are_now() {
        User user = alice();

        assertThat(user.identity()).isEqualTo(ALICE);
        assertThat(user.profile()).isEqualTo(PROFILE);
        assertThat(user.admin()).isFalse();
        assertThat(user.createdAt()).isEqualTo(FIRST);
        assertThat(user.updatedAt()).isEqualTo(FIRST);
        assertThat(user.lastSeenAt()).isEqualTo(FIRST);
    }

    @Test
    void seen_again_soon_with_the_same_profile_is_the_same_user_so_nothing_is_written() {
        User user = alice();
        Instant almostAnHour = FIRST.plus(User.LAST_SEEN_RESOLUTION).minusSeconds(1);

        assertThat(user.seenAgain(PROFILE, almostAnHour)).isSameAs(user);
    }

    @Test
    void seen_again_after_an_hour_refreshes_last_seen_but_not_updated_at() {
        User user = alice();
        Instant anHourLater = FIRST.plus(Duration.ofHours(1));

        User seen = user.seenAgain(PROFILE, anHourLater);

        assertThat(seen).isNotSameAs(user);
        assertThat(seen.lastSeenAt()).isEqualTo(anHourLater);
        assertThat(seen.updatedAt()).isEqualTo(FIRST);
        assertThat(seen.profile()).isEqualTo(PROFILE);
    }

    @Test
    void a_changed_profile_is_taken_over_at_once() {
        User user = alice();
        Instant soon = FIRST.plusSeconds(5);
        User.Profile renamed = new User.Profile(Optional.of("alice.smith@contoso.com"), "Alice Smith");

        User seen = user.seenAgain(renamed, soon);

        assertThat(seen.profile()).isEqualTo(renamed);
        assertThat(seen.updatedAt()).isEqualTo(soon);
        assertThat(seen.lastSeenAt()).isEqualTo(soon);
        assertThat(seen.id()).isEqualTo(user.id());
        assertThat(seen.createdAt()).isEqualTo(FIRST);
    }

    @Test
    void losing_the_email_claim_is_a_profile_change() {
        User user = alice();

        User seen = user.seenAgain(new User.Profile(Optional.empty(), "Alice"), FIRST.plusSeconds(1));

        assertThat(seen.email()).isEmpty();
    }

    @Test
    void admin_rights_come_from_the_token_or_from_the_flag() {
        User plain = alice();
        User flagged = plain.withAdminFlag(true, FIRST.plusSeconds(1));

        assertThat(plain.actor(false).admin()).isFalse();
        assertThat(plain.actor(true).admin()).isTrue();
        assertThat(flagged.actor(false).admin()).isTrue();
        assertThat(flagged.actor(true).admin()).isTrue();
        assertThat(plain.actor(false).userId()).isEqualTo(plain.id());
    }

    @Test
    void setting_the_admin_flag_updates_updated_at_only() {
        User user = alice();
        Instant later = FIRST.plusSeconds(60);

        User flagged = user.withAdminFlag(true, later);

        assertThat(flagged.admin()).isTrue();
        assertThat(flagged.updatedAt()).isEqualTo(later);
        assertThat(flagged.lastSeenAt()).isEqualTo(FIRST);
        assertThat(flagged.withAdminFlag(false, later).admin()).isFalse();
    }

    @Test
    void an_actor_is_the_user_with_that_id() {
        UserId id = UserId.random();
        Actor actor = new Actor(id, false);

        assertThat(actor.is(id)).isTrue();
        assertThat(actor.is(UserId.random())).isFalse();
    }

    @Test
    void a_display_name_may_be_empty_but_at_most_256_characters() {
        assertThat(user("").displayName()).isEmpty();
        assertThat(user("n".repeat(256)).displayName()).hasSize(256);
        assertRejected("display_name", () -> user("n".repeat(257)));
        assertRejected("display_name", () -> user(null));
    }

    @Test
    void an_entra_identity_needs_a_tenant_and_an_object_id_of_at_most_128_characters() {
        assertThat(new EntraIdentity("t".repeat(128), "o".repeat(128)).objectId())
                .hasSize(128);
        assertRejected("tid", () -> new EntraIdentity("t".repeat(129), "o"));
        assertRejected("oid", () -> new EntraIdentity("t", "o".repeat(129)));
        assertRejected("tid", () -> new EntraIdentity("", "o"));
        assertRejected("oid", () -> new EntraIdentity("t", null));
    }

    private static User user(String displayName) {
        return aUser().withIdentity(ALICE)
                .withEmail(Optional.empty())
                .withDisplayName(displayName)
                .seenAt(FIRST)
                .build();
    }
}
