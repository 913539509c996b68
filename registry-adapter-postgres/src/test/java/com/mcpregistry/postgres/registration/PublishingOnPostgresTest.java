package com.mcpregistry.postgres.registration;

import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.shared.RegistrationStatus.DEPRECATED;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.contract.PublishingContract;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.paging.Page;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.registration.service.RegistrationService;
import com.mcpregistry.transaction.Transactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The publishing contract on PostgreSQL, and the races that only a real database shows. */
class PublishingOnPostgresTest extends PublishingContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected RegistrationRepository registrations() {
        return database.adapters().registrations();
    }

    @Override
    protected PublishedServers published() {
        return database.adapters().publishedServers();
    }

    @Override
    protected AuditTrail auditTrail() {
        return database.adapters().auditTrail();
    }

    @Override
    protected IdempotencyKeys idempotencyKeys() {
        return database.adapters().idempotencyKeys();
    }

    @Override
    protected Transactions transactions() {
        return database.adapters().transactions();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }

    @Override
    protected ServerOwnerRepository serverOwners() {
        return database.adapters().serverOwners();
    }

    @Override
    protected NamespaceClaimRepository namespaceClaims() {
        return database.adapters().namespaceClaims();
    }

    @Test
    void versions_of_one_server_approved_at_once_all_succeed_and_exactly_the_highest_is_latest() throws Exception {
        List<String> versions = List.of("1.0.0", "1.2.0", "2.0.0-rc.1", "1.10.0", "0.9.0", "2.0.0-beta");
        List<Registration> submitted = new ArrayList<>();
        for (String version : versions) {
            submitted.add(submit("tools", version));
        }

        List<Registration> approved = concurrently(submitted.stream()
                .map(r -> (Function<RegistrationService, Registration>) service -> review(service, r, APPROVED))
                .toList());

        assertThat(approved).hasSize(versions.size());
        assertThat(publishedServers.versions(name("tools"), false))
                .filteredOn(PublishedServer::latest)
                .extracting(p -> p.registration().version().value())
                .containsExactly("2.0.0-rc.1");
    }

    /**
     * The interleaving that deadlocks without the per-server lock: the deprecation has written its row and waits
     * for the audit chain, which the approval holds while it clears the deprecated row's latest flag. With the lock
     * the second review waits before writing anything, and both succeed.
     */
    @Test
    void a_deprecation_and_an_approval_of_one_server_racing_for_the_audit_chain_both_succeed() throws Exception {
        Registration two = review(submit("tools", "2.0.0"), APPROVED);
        Registration three = submit("tools", "3.0.0-alpha");
        CountDownLatch approvalAppended = new CountDownLatch(1);
        ThreadLocal<Boolean> isDeprecation = ThreadLocal.withInitial(() -> false);
        AuditTrail ordered = new AuditTrail() {
            @Override
            public void append(AuditEvent event) {
                if (isDeprecation.get()) {
                    // Let the approval take the audit chain first, if it can get that far.
                    awaitQuietly(approvalAppended, Duration.ofSeconds(2));
                    auditTrail().append(event);
                } else {
                    auditTrail().append(event);
                    approvalAppended.countDown();
                }
            }

            @Override
            public Page<AuditEntry> find(AuditQuery query) {
                return auditTrail().find(query);
            }

            @Override
            public List<AuditEntry> history(RegistrationId id) {
                return auditTrail().history(id);
            }

            @Override
            public ChainVerification verify(List<AuditCheckpoint> checkpoints) {
                return auditTrail().verify(checkpoints);
            }

            @Override
            public AuditHead head() {
                return auditTrail().head();
            }

            @Override
            public Optional<AuditChain.Link> newest() {
                return auditTrail().newest();
            }

            @Override
            public AuditChain chain() {
                return auditTrail().chain();
            }
        };

        concurrently(
                ordered,
                List.of(
                        service -> {
                            isDeprecation.set(true);
                            return review(service, two, DEPRECATED);
                        },
                        service -> review(service, three, APPROVED)));

        assertThat(latestVersionOf("tools")).isEqualTo("3.0.0-alpha");
        assertThat(publishedServers.versions(name("tools"), false))
                .filteredOn(PublishedServer::latest)
                .hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch, Duration atMost) {
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Registration review(RegistrationService service, Registration r, RegistrationStatus target) {
        Optional<Reason> reason = target == DEPRECATED ? Optional.of(new Reason("superseded")) : Optional.empty();
        return service.changeStatus(
                new ChangeStatus(admin, r.id(), target, reason, Optional.empty(), Optional.empty()));
    }

    /**
     * Runs each review on its own thread through a service whose clock holds every review until all have read
     * their registration: then they all write at once, the worst case for computing the latest version.
     */
    private <T> List<T> concurrently(List<Function<RegistrationService, T>> work) throws Exception {
        return concurrently(auditTrail(), work);
    }

    private <T> List<T> concurrently(AuditTrail audit, List<Function<RegistrationService, T>> work) throws Exception {
        clock.gate(new CyclicBarrier(work.size()));
        RegistrationService service = new RegistrationService(
                registrations(), published(), audit, idempotencyKeys(), transactions(), clock, ownership());
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Function<RegistrationService, T> task : work) {
                futures.add(threads.submit(() -> task.apply(service)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            clock.gate(null);
            threads.shutdownNow();
        }
    }
}
