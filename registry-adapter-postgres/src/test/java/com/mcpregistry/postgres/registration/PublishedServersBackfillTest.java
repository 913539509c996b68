package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.VersionOrder;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.postgres.Changelog;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.publication.PublishedServer;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changeset 008 backfills what the registration service maintains from then on: the first publication time and
 * the latest version of each server, which its SQL must choose exactly as {@link VersionOrder} does. The test runs
 * the changeset's own SQL, read from the changelog, on registrations stored as they were before it.
 */
class PublishedServersBackfillTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final User submitter = database.adapters().users().save(Fixtures.user());
    private final User admin = database.adapters().users().save(Fixtures.user());
    private final String namespace = Fixtures.namespace();
    private Instant clock = T0;

    /** Servers and their versions, each approved (unless marked) one second after the one before. */
    private static final Map<String, List<String>> SERVERS = servers();

    private static Map<String, List<String>> servers() {
        Map<String, List<String>> servers = new LinkedHashMap<>();
        servers.put("numbers", List.of("1.0.0", "1.10.0", "1.9.0"));
        servers.put("candidates", List.of("2.0.0-rc.1", "2.0.0-rc.10", "2.0.0-rc.2", "1.9.9"));
        servers.put(
                "precedence",
                List.of(
                        "1.0.0-alpha.beta",
                        "1.0.0-alpha",
                        "1.0.0",
                        "1.0.0-alpha.1",
                        "1.0.0-beta",
                        "1.0.0-beta.11",
                        "1.0.0-beta.2",
                        "1.0.0-rc.1"));
        servers.put("pre-releases", List.of("1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-alpha.beta", "1.0.0-beta.2"));
        servers.put("calendar", List.of("2025.1", "v2", "2024.01"));
        servers.put("calendar-and-semver", List.of("2025.1", "0.0.1", "v2"));
        servers.put("build-metadata", List.of("1.0.0+b", "1.0.0+a"));
        servers.put("huge", List.of("1.0.0-100000000000000000000", "1.0.0-99999999999999999999", "2.0.0"));
        servers.put("huge-major", List.of("18446744073709551616.0.0", "9.0.0"));
        servers.put("hyphens", List.of("1.0.0-a", "1.0.0-a-b", "1.0.0-a.b"));
        servers.put("digits-then-letters", List.of("1.0.0-0A", "1.0.0-1"));
        servers.put("deprecated-highest", List.of("2.0.0 deprecated", "1.0.0"));
        servers.put("deleted-highest", List.of("3.0.0 deleted", "2.0.0", "1.0.0 deprecated deleted"));
        servers.put("all-deprecated", List.of("1.0.0 deprecated"));
        servers.put("pending-highest", List.of("9.0.0 pending", "1.0.0"));
        return servers;
    }

    @Test
    void the_backfill_publishes_every_reviewed_version_and_picks_the_latest_as_version_order_does() {
        for (Map.Entry<String, List<String>> server : SERVERS.entrySet()) {
            for (String version : server.getValue()) {
                storeAsBefore008(server.getKey(), version);
            }
        }

        database.jdbi().useHandle(handle -> handle.createScript(backfillSql()).execute());

        for (String server : SERVERS.keySet()) {
            List<PublishedServer> versions =
                    database.adapters().publishedServers().versions(name(server), true);
            Optional<String> expected = versions.stream()
                    .filter(p -> p.registration().status() == APPROVED
                            && !p.registration().isDeleted())
                    .max(Comparator.comparing(
                                    (PublishedServer p) -> new VersionOrder.Published(
                                            p.registration().version(), p.publishedAt()),
                                    VersionOrder.OLDEST_FIRST)
                            .thenComparing(p -> p.registration().id().value(), Cursor::compareIds))
                    .map(p -> p.registration().version().value());
            assertThat(versions.stream()
                            .filter(PublishedServer::latest)
                            .map(p -> p.registration().version().value()))
                    .as("the latest version of " + server)
                    .containsExactlyElementsOf(expected.stream().toList());
            versions.forEach(p -> assertThat(p.publishedAt())
                    .as(server + " " + p.registration().version() + " published when approved")
                    .isEqualTo(p.registration().reviewedAt().orElseThrow()));
        }
        assertThat(latestOf("numbers")).contains("1.10.0");
        assertThat(latestOf("precedence")).contains("1.0.0");
        assertThat(latestOf("pre-releases")).contains("1.0.0-rc.1");
        assertThat(latestOf("calendar")).contains("2024.01");
        assertThat(latestOf("calendar-and-semver")).contains("0.0.1");
        assertThat(latestOf("build-metadata")).contains("1.0.0+a");
        assertThat(latestOf("huge")).contains("2.0.0");
        assertThat(latestOf("huge-major")).contains("18446744073709551616.0.0");
        assertThat(latestOf("hyphens")).contains("1.0.0-a-b");
        assertThat(latestOf("digits-then-letters")).contains("1.0.0-0A");
        assertThat(latestOf("deprecated-highest")).contains("1.0.0");
        assertThat(latestOf("deleted-highest")).contains("2.0.0");
        assertThat(latestOf("all-deprecated")).isEmpty();
        assertThat(latestOf("pending-highest")).contains("1.0.0");
        assertThat(database.adapters().publishedServers().versions(name("pending-highest"), true))
                .hasSize(1);
    }

    @Test
    void the_first_approval_in_the_audit_trail_is_the_publication_time() {
        Registration r = storeAsBefore008("audited", "1.0.0 deprecated");
        Instant approvedAt = r.reviewedAt().orElseThrow().minusSeconds(3600);
        var event = Fixtures.event(admin.id(), AuditAction.APPROVE, Optional.of(r.id()), approvedAt);
        database.adapters().auditTrail().append(event);

        database.jdbi().useHandle(handle -> handle.createScript(backfillSql()).execute());

        assertThat(database.adapters().publishedServers().versions(name("audited"), true))
                .singleElement()
                .extracting(PublishedServer::publishedAt)
                .isEqualTo(approvedAt);
    }

    private Optional<String> latestOf(String server) {
        return database.adapters()
                .publishedServers()
                .latest(name(server))
                .map(p -> p.registration().version().value());
    }

    private ServerName name(String server) {
        return new ServerName(namespace + "/" + server);
    }

    /** {@code "2.0.0 deprecated deleted"}: stored as the registration service stored it before changeset 008. */
    private Registration storeAsBefore008(String server, String spec) {
        String[] words = spec.split(" ");
        clock = clock.plusSeconds(1);
        Registration r = Fixtures.pending(
                submitter.id(),
                name(server).value(),
                words[0],
                "https://" + namespace + ".example.com/" + server,
                clock.minusMillis(500));
        var repository = database.adapters().registrations();
        repository.insert(r);
        List<String> marks = List.of(words).subList(1, words.length);
        if (marks.contains("pending")) {
            return r;
        }
        Registration approved = Fixtures.reviewed(r, APPROVED, admin.id(), clock);
        repository.update(approved, r.rowVersion());
        Registration last = approved;
        if (marks.contains("deprecated")) {
            last = Fixtures.reviewed(approved, RegistrationStatus.DEPRECATED, admin.id(), clock);
            repository.update(last, approved.rowVersion());
        }
        if (marks.contains("deleted")) {
            Registration deleted = Fixtures.deleted(last, clock);
            repository.update(deleted, last.rowVersion());
            last = deleted;
        }
        return last;
    }

    /** The backfill statements of changeset 008, exactly as the changelog holds them. */
    private static String backfillSql() {
        return Changelog.backfill("008-published-servers");
    }
}
