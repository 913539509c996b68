package com.mcpregistry.limits.service;

import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.QuotaReached;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.inmemory.InMemoryDatabase;
import com.mcpregistry.inmemory.InMemoryOwnership;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.port.out.LimitEvents;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.service.CheckScheduling;
import com.mcpregistry.registration.service.RegistrationService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionQuotasTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Actor alice = new Actor(UserId.random(), false);
    private final Actor admin = new Actor(UserId.random(), true);
    private int endpoints;

    private RegistrationService serviceWith(Map<Quota, Long> quotas) {
        return new RegistrationService(
                db.registrationRepository(),
                db.publishedServers(),
                db.auditTrail(),
                db.idempotencyKeys(),
                db,
                clock,
                new SubmissionQuotas(new LimitSettings(Map.of(), quotas), db.quotaCounts(), LimitEvents.NONE),
                InMemoryOwnership.openOver(db),
                PublishRules.STRICT,
                CheckScheduling.NONE);
    }

    private Registration submit(RegistrationService service, Actor actor, String name, String version) {
        Registration submitted = service.submit(new SubmitRegistration(
                actor,
                new ServerName(name),
                new Version(version),
                someDetails()
                        .withEndpointUrl("https://mcp" + endpoints++ + ".contoso.com/" + name.replace('/', '-'))
                        .build(),
                Optional.empty(),
                Optional.empty()));
        clock.advance(Duration.ofMinutes(1));
        return submitted;
    }

    @Test
    void a_user_may_have_as_many_pending_registrations_as_the_quota_and_one_more_once_one_is_reviewed() {
        RegistrationService service = serviceWith(Map.of(Quota.PENDING_PER_USER, 2L));
        Registration first = submit(service, alice, "com.contoso/one", "1.0.0");
        submit(service, alice, "com.contoso/two", "1.0.0");

        assertThatThrownBy(() -> submit(service, alice, "com.contoso/three", "1.0.0"))
                .isInstanceOfSatisfying(QuotaReached.class, e -> {
                    assertThat(e.quota()).isEqualTo("pending_registrations_per_user");
                    assertThat(e.limit()).isEqualTo(2);
                })
                .hasMessageContaining("pending_registrations_per_user (2)");
        assertThat(db.registrationRepository().findById(first.id())).isPresent();

        service.changeStatus(new ChangeStatus(
                admin,
                first.id(),
                RegistrationStatus.REJECTED,
                Optional.of(new Reason("no")),
                Optional.empty(),
                Optional.empty()));
        assertThat(submit(service, alice, "com.contoso/three", "1.0.0").status())
                .isEqualTo(RegistrationStatus.PENDING);
    }

    @Test
    void a_server_name_takes_as_many_new_versions_a_day_as_the_quota_deleted_ones_included() {
        RegistrationService service = serviceWith(Map.of(Quota.VERSIONS_PER_SERVER_PER_DAY, 2L));
        submit(service, alice, "com.contoso/ledger", "1.0.0");
        submit(service, admin, "com.contoso/ledger", "1.0.1");

        assertThatThrownBy(() -> submit(service, alice, "com.contoso/ledger", "1.0.2"))
                .isInstanceOf(QuotaReached.class)
                .hasMessageContaining("versions_per_server_per_day (2)")
                .hasMessageContaining("com.contoso/ledger");
        assertThat(submit(service, alice, "com.contoso/payroll", "1.0.0")).isNotNull();

        clock.advance(Duration.ofDays(1));
        assertThat(submit(service, alice, "com.contoso/ledger", "1.0.2")).isNotNull();
    }

    @Test
    void quotas_that_are_off_count_nothing() {
        RegistrationService service = serviceWith(Map.of());
        for (int i = 0; i < 30; i++) {
            submit(service, alice, "com.contoso/ledger", "1.0." + i);
        }
        assertThat(db.quotaCounts().pending(alice.userId(), 100)).isEqualTo(30);
    }
}
