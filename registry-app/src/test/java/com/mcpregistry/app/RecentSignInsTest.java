package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.in.SignInUseCase;
import com.mcpregistry.inmemory.InMemoryDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Signed-in users remembered for a while, on the real user service over the in-memory adapters. */
class RecentSignInsTest {
    private static final Duration MEMORY = Duration.ofSeconds(5);

    private final RegistryCore core = RegistryCore.create(
            new InMemoryDatabase().coreAdapters(),
            token -> {
                throw new UnsupportedOperationException("this test verifies no tokens");
            },
            Clock.systemUTC());
    private final AtomicLong nanos = new AtomicLong();
    private final SignInUseCase signIn = new RecentSignIns(core.signIn(), MEMORY, nanos::get);

    private static VerifiedToken token(String name, boolean adminByRole) {
        return new VerifiedToken(
                new EntraIdentity("72f988bf-86f1-41af-91ab-2d7cd011db47", "oid-kim"),
                name,
                Optional.of("kim@contoso.example"),
                Optional.of("kim@contoso.example"),
                adminByRole ? Set.of("Registry.Admin") : Set.of(),
                Set.of(),
                false,
                Set.of("access_as_user"),
                adminByRole,
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void the_same_identity_within_the_memory_is_the_remembered_sign_in() {
        SignedIn first = signIn.signIn(token("Kim", false));
        core.manageAdmins().grant("kim@contoso.example");

        SignedIn again = signIn.signIn(token("Kim", false));

        assertThat(again).isSameAs(first);
        assertThat(again.actor().admin()).isFalse();
    }

    @Test
    void once_the_memory_has_passed_the_user_is_looked_up_again() {
        signIn.signIn(token("Kim", false));
        core.manageAdmins().grant("kim@contoso.example");

        nanos.addAndGet(MEMORY.toNanos());

        assertThat(signIn.signIn(token("Kim", false)).actor().admin()).isTrue();
    }

    @Test
    void a_token_with_another_profile_or_role_signs_in_afresh() {
        SignedIn first = signIn.signIn(token("Kim", false));

        SignedIn renamed = signIn.signIn(token("Kim Lee", false));
        SignedIn admin = signIn.signIn(token("Kim Lee", true));

        assertThat(renamed.user().id()).isEqualTo(first.user().id());
        assertThat(renamed.user().displayName()).isEqualTo("Kim Lee");
        assertThat(admin.actor().admin()).isTrue();
    }

    @Test
    void no_memory_is_the_user_service_itself() {
        assertThat(RecentSignIns.remembering(core.signIn(), Duration.ZERO)).isSameAs(core.signIn());
        assertThat(RecentSignIns.remembering(core.signIn(), MEMORY)).isInstanceOf(RecentSignIns.class);
    }
}
