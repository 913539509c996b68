package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.unique;
import static com.mcpregistry.domain.testing.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.port.out.UserRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} guarantees. The repository may hold users of other tests. */
public abstract class UserRepositoryContract {

    protected abstract UserRepository users();

    private static User userWith(EntraIdentity identity, Optional<String> email) {
        return aUser().withIdentity(identity)
                .withEmail(email)
                .withDisplayName("Someone")
                .build();
    }

    private static EntraIdentity identity() {
        return new EntraIdentity("tenant-" + unique(), "oid-" + unique());
    }

    @Test
    void a_saved_user_is_found_by_id_and_by_identity() {
        User user = Fixtures.user();

        User saved = users().save(user);

        assertThat(saved).isEqualTo(user);
        assertThat(users().findById(user.id())).contains(user);
        assertThat(users().findByIdentity(user.identity())).contains(user);
    }

    @Test
    void a_user_without_email_round_trips() {
        User user = userWith(identity(), Optional.empty());

        users().save(user);

        assertThat(users().findById(user.id())).contains(user);
    }

    @Test
    void an_unknown_user_is_not_found() {
        assertThat(users().findById(UserId.random())).isEmpty();
        assertThat(users().findByIdentity(identity())).isEmpty();
    }

    @Test
    void saving_a_known_identity_updates_the_profile_and_keeps_id_admin_flag_and_creation_time() {
        User first = users().save(Fixtures.user());
        users().setAdminFlag(first.id(), true, T0.plusSeconds(1));
        User seenAgain = aUser().withIdentity(first.identity())
                .withEmail(Optional.of("renamed-" + unique() + "@example.com"))
                .withDisplayName("Renamed")
                .seen(T0.plusSeconds(100), T0.plusSeconds(200), T0.plusSeconds(300))
                .build();

        User stored = users().save(seenAgain);

        User expected = aUser().withId(first.id())
                .withIdentity(first.identity())
                .withEmail(seenAgain.email())
                .withDisplayName("Renamed")
                .admin(true)
                .seen(first.createdAt(), seenAgain.updatedAt(), seenAgain.lastSeenAt())
                .build();
        assertThat(stored).isEqualTo(expected);
        assertThat(users().findByIdentity(first.identity())).contains(expected);
        assertThat(users().findById(seenAgain.id())).isEmpty();
    }

    @Test
    void the_same_object_id_in_another_tenant_is_another_user() {
        String oid = "oid-" + unique();
        User inA = users().save(userWith(new EntraIdentity("tenant-a-" + unique(), oid), Optional.empty()));
        User inB = users().save(userWith(new EntraIdentity("tenant-b-" + unique(), oid), Optional.empty()));

        assertThat(inA.id()).isNotEqualTo(inB.id());
        assertThat(users().findByIdentity(inA.identity())).contains(inA);
        assertThat(users().findByIdentity(inB.identity())).contains(inB);
    }

    @Test
    void find_by_verified_email_ignores_case() {
        String tag = unique();
        User user = users().save(aUser().withIdentity(identity())
                .withVerifiedEmail(Optional.of("Jane.Doe-" + tag + "@Contoso.com"))
                .build());

        assertThat(users().findByObjectIdOrVerifiedEmail("jane.doe-" + tag + "@contoso.COM"))
                .containsExactly(user);
    }

    @Test
    void an_email_nobody_vouches_for_finds_nobody() {
        String email = "boss-" + unique() + "@contoso.com";
        users().save(userWith(identity(), Optional.of(email)));

        assertThat(users().findByObjectIdOrVerifiedEmail(email)).isEmpty();
    }

    @Test
    void a_verified_email_round_trips_and_a_later_profile_updates_it() {
        User user = users().save(aUser().withIdentity(identity())
                .withVerifiedEmail(Optional.of("verified-" + unique() + "@contoso.com"))
                .build());
        assertThat(users().findById(user.id())).contains(user);

        User unverified = users().save(aUser().withId(user.id())
                .withIdentity(user.identity())
                .withEmail(user.email())
                .withDisplayName(user.displayName())
                .build());

        assertThat(unverified.verifiedEmail()).isEmpty();
        assertThat(users().findById(user.id()).orElseThrow().verifiedEmail()).isEmpty();
    }

    @Test
    void find_by_object_id_matches_exactly() {
        User user = users().save(userWith(identity(), Optional.empty()));

        assertThat(users().findByObjectIdOrVerifiedEmail(user.identity().objectId()))
                .containsExactly(user);
        assertThat(users().findByObjectIdOrVerifiedEmail(user.identity().objectId() + "x"))
                .isEmpty();
    }

    @Test
    void find_by_verified_email_returns_every_match() {
        String email = "shared-" + unique() + "@example.com";
        User first = users().save(aUser().withIdentity(identity())
                .withVerifiedEmail(Optional.of(email))
                .build());
        User second = users().save(aUser().withIdentity(identity())
                .withVerifiedEmail(Optional.of(email.toUpperCase()))
                .build());

        assertThat(users().findByObjectIdOrVerifiedEmail(email)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void nobody_matches_an_unknown_email() {
        assertThat(users().findByObjectIdOrVerifiedEmail("nobody-" + unique() + "@example.com"))
                .isEmpty();
    }

    @Test
    void the_admin_flag_is_granted_and_revoked() {
        User user = users().save(Fixtures.user());

        users().setAdminFlag(user.id(), true, T0.plusSeconds(10));
        User granted = users().findById(user.id()).orElseThrow();
        users().setAdminFlag(user.id(), false, T0.plusSeconds(20));
        User revoked = users().findById(user.id()).orElseThrow();

        assertThat(granted.admin()).isTrue();
        assertThat(granted.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(revoked.admin()).isFalse();
        assertThat(revoked.updatedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(revoked.createdAt()).isEqualTo(user.createdAt());
    }

    @Test
    void setting_the_admin_flag_of_an_unknown_user_is_not_found() {
        assertThatThrownBy(() -> users().setAdminFlag(UserId.random(), true, T0))
                .isInstanceOf(NotFound.class);
    }
}
