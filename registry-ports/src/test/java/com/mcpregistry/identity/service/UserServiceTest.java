package com.mcpregistry.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.inmemory.InMemoryDatabase;
import com.mcpregistry.paging.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final InMemoryDatabase db = new InMemoryDatabase();
    private final CountingUserRepository users = new CountingUserRepository(db.userRepository());
    private final AuditTrail auditTrail = db.auditTrail();
    private final UserService service = new UserService(users, auditTrail, db, clock);

    /** A token whose e-mail Entra ID vouches for. */
    private VerifiedToken token(String tenant, String oid, String name, String email, boolean admin) {
        return token(tenant, oid, name, Optional.ofNullable(email), Optional.ofNullable(email), admin);
    }

    private VerifiedToken token(
            String tenant, String oid, String name, Optional<String> email, Optional<String> verified, boolean admin) {
        return new VerifiedToken(
                new EntraIdentity(tenant, oid),
                name,
                email,
                verified,
                admin ? Set.of("Registry.Admin") : Set.of(),
                Set.of(),
                false,
                Set.of("registry.access"),
                admin,
                clock.instant().plus(Duration.ofHours(1)));
    }

    private VerifiedToken alice() {
        return token(TENANT, "oid-alice", "Alice", "Alice@Contoso.com", false);
    }

    private List<AuditEvent> events() {
        return auditTrail
                .find(new AuditQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.first(100)))
                .items()
                .stream()
                .map(AuditEntry::event)
                .toList();
    }

    // ---- sign-in -------------------------------------------------------------------------------------------

    @Test
    void the_first_sign_in_creates_the_user_from_the_token() {
        SignedIn signedIn = service.signIn(alice());

        User user = signedIn.user();
        assertThat(users.saves).isEqualTo(1);
        assertThat(user.identity()).isEqualTo(new EntraIdentity(TENANT, "oid-alice"));
        assertThat(user.displayName()).isEqualTo("Alice");
        assertThat(user.email()).contains("Alice@Contoso.com");
        assertThat(user.admin()).isFalse();
        assertThat(user.createdAt()).isEqualTo(clock.instant());
        assertThat(signedIn.actor()).isEqualTo(new Actor(user.id(), false));
        assertThat(users.findById(user.id())).contains(user);
    }

    @Test
    void signing_in_again_with_nothing_changed_writes_nothing() {
        User first = service.signIn(alice()).user();
        clock.advance(Duration.ofMinutes(10));

        SignedIn again = service.signIn(alice());

        assertThat(users.saves).isEqualTo(1);
        assertThat(again.user()).isEqualTo(first);
        assertThat(again.actor().userId()).isEqualTo(first.id());
    }

    @Test
    void a_changed_profile_is_written_once_and_keeps_the_same_user() {
        User first = service.signIn(alice()).user();
        clock.advance(Duration.ofMinutes(10));

        User renamed = service.signIn(token(TENANT, "oid-alice", "Alice Smith", "alice.smith@contoso.com", false))
                .user();

        assertThat(users.saves).isEqualTo(2);
        assertThat(renamed.id()).isEqualTo(first.id());
        assertThat(renamed.displayName()).isEqualTo("Alice Smith");
        assertThat(renamed.email()).contains("alice.smith@contoso.com");
        assertThat(renamed.createdAt()).isEqualTo(first.createdAt());
        assertThat(renamed.updatedAt()).isEqualTo(clock.instant());
        assertThat(users.findById(first.id())).contains(renamed);

        service.signIn(token(TENANT, "oid-alice", "Alice Smith", "alice.smith@contoso.com", false));
        assertThat(users.saves).isEqualTo(2);
    }

    @Test
    void an_hour_later_the_last_sighting_is_refreshed() {
        User first = service.signIn(alice()).user();
        clock.advance(Duration.ofHours(1));

        User later = service.signIn(alice()).user();

        assertThat(users.saves).isEqualTo(2);
        assertThat(later.lastSeenAt()).isEqualTo(clock.instant());
        assertThat(later.updatedAt()).isEqualTo(first.updatedAt());
    }

    @Test
    void the_same_object_id_in_another_tenant_is_another_user() {
        User here = service.signIn(alice()).user();
        User there = service.signIn(token("other-tenant", "oid-alice", "Alice", "alice@fabrikam.com", false))
                .user();

        assertThat(there.id()).isNotEqualTo(here.id());
    }

    @Test
    void admin_rights_come_from_the_token_without_setting_the_flag() {
        SignedIn signedIn = service.signIn(token(TENANT, "oid-root", "Root", null, true));

        assertThat(signedIn.actor().admin()).isTrue();
        assertThat(signedIn.user().admin()).isFalse();
        assertThat(service.signIn(token(TENANT, "oid-root", "Root", null, false))
                        .actor()
                        .admin())
                .isFalse();
    }

    @Test
    void admin_rights_come_from_the_break_glass_flag_with_an_ordinary_token() {
        service.signIn(alice());

        service.grant("alice@contoso.com");

        SignedIn signedIn = service.signIn(alice());
        assertThat(signedIn.user().admin()).isTrue();
        assertThat(signedIn.actor().admin()).isTrue();
    }

    @Test
    void a_profile_refresh_keeps_the_admin_flag() {
        service.signIn(alice());
        service.grant("oid-alice");
        clock.advance(Duration.ofMinutes(1));

        SignedIn renamed = service.signIn(token(TENANT, "oid-alice", "Alice Smith", "Alice@Contoso.com", false));

        assertThat(renamed.user().displayName()).isEqualTo("Alice Smith");
        assertThat(renamed.actor().admin()).isTrue();
    }

    // ---- reading users -------------------------------------------------------------------------------------

    @Test
    void a_user_reads_their_own_record() {
        SignedIn alice = service.signIn(alice());

        assertThat(service.get(alice.actor(), alice.user().id())).isEqualTo(alice.user());
    }

    @Test
    void an_admin_reads_anyone() {
        User alice = service.signIn(alice()).user();
        Actor admin =
                service.signIn(token(TENANT, "oid-root", "Root", null, true)).actor();

        assertThat(service.get(admin, alice.id())).isEqualTo(alice);
    }

    @Test
    void another_user_is_not_found_rather_than_forbidden() {
        User alice = service.signIn(alice()).user();
        Actor bob = service.signIn(token(TENANT, "oid-bob", "Bob", "bob@contoso.com", false))
                .actor();

        assertThatThrownBy(() -> service.get(bob, alice.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void an_unknown_user_is_not_found_even_for_an_admin() {
        assertThatThrownBy(() -> service.get(new Actor(UserId.random(), true), UserId.random()))
                .isInstanceOf(NotFound.class);
    }

    // ---- the break-glass flag ------------------------------------------------------------------------------

    @Test
    void granting_by_email_ignores_case_and_is_audited() {
        User alice = service.signIn(alice()).user();
        clock.advance(Duration.ofMinutes(1));

        User granted = service.grant("ALICE@contoso.COM");

        assertThat(granted.id()).isEqualTo(alice.id());
        assertThat(granted.admin()).isTrue();
        assertThat(users.findById(alice.id()).orElseThrow().admin()).isTrue();
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ADMIN_GRANTED);
            assertThat(e.action().wireName()).isEqualTo("admin_granted");
            assertThat(e.actorId())
                    .as("granted from the command line, by no user")
                    .isEmpty();
            assertThat(e.registrationId()).isEmpty();
            assertThat(e.reason().orElseThrow()).contains(alice.id().toString()).contains("oid-alice");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void an_email_the_user_chose_names_nobody_so_a_spoofer_is_never_granted() {
        User spoofer = service.signIn(token(
                        TENANT, "oid-mallory", "The Boss", Optional.of("boss@contoso.com"), Optional.empty(), false))
                .user();

        assertThatThrownBy(() -> service.grant("boss@contoso.com"))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("verified e-mail")
                .hasMessageContaining("object id");
        assertThat(users.findById(spoofer.id()).orElseThrow().admin()).isFalse();
        assertThat(events()).isEmpty();

        User boss = service.signIn(token(TENANT, "oid-boss", "Boss", "boss@contoso.com", false))
                .user();
        assertThat(service.grant("boss@contoso.com").id()).isEqualTo(boss.id());
        assertThat(users.findById(spoofer.id()).orElseThrow().admin()).isFalse();
    }

    @Test
    void revoking_by_object_id_clears_the_flag_and_is_audited() {
        User alice = service.signIn(alice()).user();
        service.grant("oid-alice");
        clock.advance(Duration.ofMinutes(1));

        User revoked = service.revoke("oid-alice");

        assertThat(revoked.admin()).isFalse();
        assertThat(users.findById(alice.id()).orElseThrow().admin()).isFalse();
        assertThat(service.signIn(alice()).actor().admin()).isFalse();
        assertThat(events()).extracting(e -> e.action().wireName()).containsExactly("admin_revoked", "admin_granted");
    }

    @Test
    void granting_an_unknown_user_is_not_found_and_writes_nothing() {
        service.signIn(alice());

        assertThatThrownBy(() -> service.grant("nobody@contoso.com")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.revoke("oid-nobody")).isInstanceOf(NotFound.class);
        assertThat(events()).isEmpty();
        assertThat(users.adminFlagWrites).isZero();
    }

    @Test
    void an_email_shared_by_two_users_is_ambiguous_and_changes_nobody() {
        User here = service.signIn(alice()).user();
        User there = service.signIn(token("other-tenant", "oid-alice-2", "Alice", "alice@contoso.com", false))
                .user();

        assertThatThrownBy(() -> service.grant("alice@contoso.com")).isInstanceOf(Conflict.class);
        assertThat(users.findById(here.id()).orElseThrow().admin()).isFalse();
        assertThat(users.findById(there.id()).orElseThrow().admin()).isFalse();
        assertThat(events()).isEmpty();

        assertThat(service.grant("oid-alice-2").id()).isEqualTo(there.id());
    }

    @Test
    void an_object_id_shared_across_tenants_is_ambiguous() {
        service.signIn(alice());
        service.signIn(token("other-tenant", "oid-alice", "Alice", "alice@fabrikam.com", false));

        assertThatThrownBy(() -> service.revoke("oid-alice")).isInstanceOf(Conflict.class);
        assertThat(events()).isEmpty();
    }
}
