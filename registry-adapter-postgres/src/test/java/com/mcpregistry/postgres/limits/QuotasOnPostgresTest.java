package com.mcpregistry.postgres.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.error.QuotaReached;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.port.out.LimitEvents;
import com.mcpregistry.limits.service.SubmissionQuotas;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.service.CheckScheduling;
import com.mcpregistry.registration.service.RegistrationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The submission quotas on PostgreSQL, where submissions really run at once. */
class QuotasOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final PostgresAdapters adapters = database.adapters();
    private final RegistrationService service = new RegistrationService(
            adapters.registrations(),
            adapters.publishedServers(),
            adapters.auditTrail(),
            adapters.idempotencyKeys(),
            adapters.transactions(),
            TestClock.systemTime(),
            new SubmissionQuotas(
                    new LimitSettings(Map.of(), Map.of(Quota.PENDING_PER_USER, 3L)),
                    adapters.quotaCounts(),
                    LimitEvents.NONE),
            database.ownership(),
            PublishRules.STRICT,
            CheckScheduling.NONE);

    @Test
    void concurrent_submissions_of_one_user_never_pass_the_pending_quota_together() throws Exception {
        User submitter = adapters.users().save(Fixtures.user());
        String namespace = Fixtures.namespace();
        int attempts = 8;
        CyclicBarrier start = new CyclicBarrier(attempts);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        List<Future<Registration>> submissions = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String local = "server-" + i;
                submissions.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return service.submit(new SubmitRegistration(
                            submitter.actor(false),
                            new ServerName(namespace + "/" + local),
                            Version.DEFAULT,
                            Fixtures.details("https://" + namespace + ".example.com/" + local),
                            Optional.empty(),
                            Optional.empty()));
                }));
            }
            int stored = 0;
            int refused = 0;
            for (Future<Registration> submission : submissions) {
                try {
                    submission.get(60, TimeUnit.SECONDS);
                    stored++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(QuotaReached.class);
                    refused++;
                }
            }

            assertThat(stored).isEqualTo(3);
            assertThat(refused).isEqualTo(attempts - 3);
            assertThat(adapters.quotaCounts().pending(submitter.id(), 100)).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }
}
