package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.registration.Fixtures.deletedInStatus;
import static com.mcpregistry.domain.registration.Fixtures.inStatus;
import static com.mcpregistry.domain.registration.Fixtures.ownersOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.registration.Fixtures.Role;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VisibilityTest {

    @ParameterizedTest
    @EnumSource(RegistrationStatus.class)
    void nobody_sees_a_deleted_registration_not_even_an_administrator_who_submitted_it(RegistrationStatus status) {
        UserId submitter = UserId.random();
        Registration deleted = deletedInStatus(status, submitter);

        for (Role role : Role.values()) {
            assertThat(Visibility.sees(role.actorFor(submitter), deleted, ownersOf(deleted)))
                    .as(role.toString())
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(RegistrationStatus.class)
    void an_administrator_sees_every_registration_that_is_not_deleted(RegistrationStatus status) {
        Registration registration = inStatus(status, UserId.random());

        assertThat(Visibility.sees(new Actor(UserId.random(), true), registration, ownersOf(registration)))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(RegistrationStatus.class)
    void the_submitter_sees_their_own_registration_in_every_status(RegistrationStatus status) {
        UserId submitter = UserId.random();

        assertThat(Visibility.sees(
                        new Actor(submitter, false), inStatus(status, submitter), Fixtures.ownedBy(submitter)))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(RegistrationStatus.class)
    void another_user_sees_only_published_registrations(RegistrationStatus status) {
        Registration registration = inStatus(status, UserId.random());

        assertThat(Visibility.sees(new Actor(UserId.random(), false), registration, ownersOf(registration)))
                .isEqualTo(status == RegistrationStatus.APPROVED || status == RegistrationStatus.DEPRECATED);
    }

    @ParameterizedTest
    @EnumSource(RegistrationStatus.class)
    void a_registration_is_visible_to_exactly_whom_the_rule_says(RegistrationStatus status) {
        UserId submitter = UserId.random();
        for (Registration r : new Registration[] {inStatus(status, submitter), deletedInStatus(status, submitter)}) {
            for (Role role : Role.values()) {
                Actor actor = role.actorFor(submitter);
                assertThat(r.isVisibleTo(actor, ownersOf(r)))
                        .as(role.toString())
                        .isEqualTo(Visibility.sees(actor, r, ownersOf(r)));
            }
        }
    }
}
