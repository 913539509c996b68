package com.mcpregistry.domain.policy;

import static com.mcpregistry.domain.testing.RegistrationTestData.T0;
import static com.mcpregistry.domain.testing.RegistrationTestData.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.shared.RegistrationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyStandingTest {

    @ParameterizedTest(name = "{0}, deleted {1}, drifted {2}: {3}")
    @CsvSource({
        "APPROVED, false, false, ALLOWED",
        "DEPRECATED, false, false, ALLOWED",
        "REJECTED, false, false, DENIED",
        "PENDING, false, false, NEITHER",
        "APPROVED, false, true, DENIED",
        "DEPRECATED, false, true, DENIED",
        "APPROVED, true, false, DENIED",
        "PENDING, true, false, DENIED",
        "REJECTED, true, false, DENIED",
    })
    void a_version_stands_by_its_status_unless_it_is_deleted_or_drifted(
            RegistrationStatus status, boolean deleted, boolean drifted, PolicyStanding standing) {
        var registration = aRegistration().withStatus(status);
        if (deleted) {
            registration.deletedAt(T0);
        }

        assertThat(PolicyStanding.of(registration.build(), drifted)).isEqualTo(standing);
    }
}
