package com.mcpregistry.postgres;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.NormalizedEndpoint;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Repository;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.ServerDetailsTestData;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.service.RegistrationService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Databases written by earlier versions of the registry upgrade in place: an audit trail stored before changeset
 * 011 (and before audit keys, changeset 014) still verifies with the keyed events written after it, the duplicate
 * versions a database could hold before changeset 012 migrate without loss while no version is reused from then on,
 * every server stored before owners existed (changeset 018) is owned by its first submitter, and remotes scheduled
 * before checks had a health (changeset 021) get the one their kept checks give.
 */
class UpgradeOnExistingDataTest {

    @Test
    void an_audit_trail_stored_before_changes_were_recorded_verifies_with_the_events_written_after() {
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, "011-audit-log-changes");
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            String previous = AuditChain.GENESIS;
            for (int i = 0; i < 3; i++) {
                previous = insertAsBefore011(
                        jdbi,
                        previous,
                        Fixtures.event(
                                UserId.random(),
                                AuditAction.APPROVE,
                                Optional.of(RegistrationId.random()),
                                T0.plusSeconds(i)));
            }

            new SchemaMigrator(database.unpooledDataSource()).migrate();
            RegistrationId edited = RegistrationId.random();
            AuditEvent edit = anAuditEvent()
                    .at(T0.plusSeconds(10))
                    .by(UserId.random())
                    .withAction(AuditAction.EDIT)
                    .about(edited)
                    .from(RegistrationStatus.PENDING)
                    .to(RegistrationStatus.PENDING)
                    .withRequestId("req-edit")
                    .withChanges(List.of(FieldChange.of("title", Optional.of("Old"), Optional.of("New"))))
                    .build();
            database.adapters().auditTrail().append(edit);
            database.adapters()
                    .auditTrail()
                    .append(Fixtures.event(
                            UserId.random(), AuditAction.APPROVE, Optional.of(edited), T0.plusSeconds(11)));

            ChainVerification verification = database.adapters().auditTrail().verify();

            assertThat(verification.intact()).isTrue();
            assertThat(verification.eventsChecked()).isEqualTo(5);
            // The three stored before audit keys (changeset 014) verify unkeyed; the two after are keyed.
            assertThat(verification.unkeyedEvents()).isEqualTo(3);
            List<String> keyIds =
                    jdbi.withHandle(handle -> handle.createQuery("SELECT key_id FROM audit_log ORDER BY seq")
                            .mapTo(String.class)
                            .list());
            assertThat(keyIds)
                    .containsExactly(null, null, null, TestDatabase.AUDIT_KEY.id(), TestDatabase.AUDIT_KEY.id());
            assertThat(database.adapters().auditTrail().history(edited))
                    .extracting(AuditEntry::event)
                    .first()
                    .isEqualTo(edit);
        }
    }

    @Test
    void duplicate_versions_from_before_migrate_and_no_version_is_reused_after() {
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, "012-versions-never-reused");
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            UUID user = insertUser(jdbi);
            String ns = Fixtures.namespace();
            // Deleted, then the same version submitted again and still live.
            UUID liveOld = insertRegistration(jdbi, user, ns + "/live", "2.0.0", T0, true);
            UUID liveNew = insertRegistration(jdbi, user, ns + "/live", "2.0.0", T0.plusSeconds(10), false);
            // The same version submitted and deleted three times.
            UUID goneFirst = insertRegistration(jdbi, user, ns + "/gone", "1.0.0", T0, true);
            UUID goneSecond = insertRegistration(jdbi, user, ns + "/gone", "1.0.0", T0.plusSeconds(1), true);
            UUID goneLast = insertRegistration(jdbi, user, ns + "/gone", "1.0.0", T0.plusSeconds(2), true);
            // Deleted once, never reused.
            UUID single = insertRegistration(jdbi, user, ns + "/single", "1.0.0", T0, true);

            new SchemaMigrator(database.unpooledDataSource()).migrate();

            Map<UUID, Boolean> marked =
                    jdbi.withHandle(handle -> handle.createQuery("SELECT id, version_reused_later FROM registrations")
                            .setMapKeyColumn("id")
                            .setMapValueColumn("version_reused_later")
                            .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<UUID, Boolean>>() {}));
            assertThat(marked)
                    .hasSize(6)
                    .containsEntry(liveOld, true)
                    .containsEntry(liveNew, false)
                    .containsEntry(goneFirst, true)
                    .containsEntry(goneSecond, true)
                    .containsEntry(goneLast, false)
                    .containsEntry(single, false);
            for (String name : List.of("/live", "/gone", "/single")) {
                String version = name.equals("/live") ? "2.0.0" : "1.0.0";
                assertThatThrownBy(() -> insertRegistrationNow(jdbi, user, ns + name, version, T0.plusSeconds(60)))
                        .as("the database refuses %s %s again", name, version)
                        .hasMessageContaining("registrations_server_name_version_unique");
            }
            insertRegistrationNow(jdbi, user, ns + "/gone", "1.0.1", T0.plusSeconds(60));

            var repository = database.adapters().registrations();
            var users = database.adapters().users();
            var submitter = users.save(Fixtures.user());
            assertThatThrownBy(() -> repository.insert(Fixtures.pending(
                            submitter.id(), ns + "/gone", "1.0.0", "https://" + ns + ".example.com/gone", T0)))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining(ns + "/gone version 1.0.0 is taken");
            assertThat(repository.findByNameAndVersion(new ServerName(ns + "/gone"), new Version("1.0.0")))
                    .map(r -> r.id().value())
                    .contains(goneLast);
            assertThatThrownBy(() -> repository.insert(Fixtures.pending(
                            submitter.id(), ns + "/live", "2.0.0", "https://" + ns + ".example.com/live", T0)))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining(ns + "/live version 2.0.0 is taken");
            assertThat(repository.findByNameAndVersion(new ServerName(ns + "/live"), new Version("2.0.0")))
                    .map(r -> r.id().value())
                    .contains(liveNew);

            assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute(
                            "UPDATE registrations SET version_reused_later = true WHERE id = ?", goneLast)))
                    .as("no row is marked after the migration")
                    .hasMessageContaining("never reused");
            assertThatThrownBy(() -> jdbi.useHandle(handle ->
                            handle.execute("UPDATE registrations SET deleted_at = NULL WHERE id = ?", goneFirst)))
                    .as("a marked row stays deleted")
                    .hasMessageContaining("registrations_version_reused_deleted");
            assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute(
                            "INSERT INTO registrations (id, server_name, version, title, description, server_json,"
                                    + " owner_contact, submitter_id, status, created_at, updated_at, deleted_at,"
                                    + " version_reused_later) SELECT ?, server_name, version, title, description,"
                                    + " server_json, owner_contact, submitter_id, status, created_at, updated_at,"
                                    + " deleted_at, true FROM registrations WHERE id = ?",
                            UUID.randomUUID(),
                            goneLast)))
                    .as("no row is inserted marked")
                    .hasMessageContaining("never reused");
        }
    }

    @Test
    void endpoints_stored_before_they_were_compared_normalised_are_normalised_and_a_later_claim_is_kept_apart() {
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, "013-endpoint-url-normalized");
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            UUID user = insertUser(jdbi);
            String ns = Fixtures.namespace();
            String host = ns + ".example.com";
            String normalized = "https://" + host + "/mcp";
            UUID first = insertRegistration(jdbi, user, ns + "/a", "1.0.0", normalized, T0, false);
            String respelt = "HTTPS://" + host.toUpperCase(java.util.Locale.ROOT) + ":443/mcp/";
            UUID sameServer = insertRegistration(jdbi, user, ns + "/a", "2.0.0", respelt, T0.plusSeconds(1), false);
            UUID laterClaim =
                    insertRegistration(jdbi, user, ns + "/b", "1.0.0", normalized + "?", T0.plusSeconds(2), false);
            UUID deleted = insertRegistration(
                    jdbi, user, ns + "/c", "1.0.0", "https://" + host + "./mcp", T0.plusSeconds(3), true);
            UUID fragment = insertRegistration(
                    jdbi, user, ns + "/d", "1.0.0", "https://" + host + "/d#top", T0.plusSeconds(4), false);

            Changelog.migrateUpTo(database, "019-server-json-documents");

            Map<UUID, String> keys = jdbi.withHandle(
                    handle -> handle.createQuery("SELECT id, endpoint_url_normalized FROM registrations")
                            .setMapKeyColumn("id")
                            .setMapValueColumn("endpoint_url_normalized")
                            .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<UUID, String>>() {}));
            assertThat(keys)
                    .containsEntry(first, normalized)
                    .containsEntry(sameServer, normalized)
                    .containsEntry(laterClaim, normalized + " kept apart by changeset 013 for " + ns + "/b")
                    .containsEntry(deleted, normalized)
                    .containsEntry(fragment, "https://" + host + "/d");

            new SchemaMigrator(database.unpooledDataSource()).migrate();

            assertThat(locators(jdbi))
                    .as("changeset 019 makes the keys locators, and keeps the later claim apart")
                    .containsOnly(
                            Map.entry(first, "remote " + normalized),
                            Map.entry(sameServer, "remote " + normalized),
                            Map.entry(
                                    laterClaim,
                                    "remote " + normalized + " kept apart by changeset 013 for " + ns + "/b"),
                            Map.entry(fragment, "remote https://" + host + "/d"));
            var repository = database.adapters().registrations();
            assertThat(repository
                            .findById(new RegistrationId(sameServer))
                            .orElseThrow()
                            .details()
                            .definition()
                            .onlyRemote()
                            .orElseThrow()
                            .url()
                            .value())
                    .as("the endpoint as it was submitted, but for the scheme's case (server.json's pattern)")
                    .isEqualTo("https" + respelt.substring("HTTPS".length()));

            var submitter = database.adapters().users().save(Fixtures.user());
            assertThatThrownBy(() -> repository.insert(Fixtures.pending(
                            submitter.id(), ns + "/e", "1.0.0", "https://" + host + "/mcp/", T0.plusSeconds(10))))
                    .isInstanceOf(AlreadyTaken.class);
            assertThatThrownBy(() -> repository.insert(
                            Fixtures.pending(submitter.id(), ns + "/b", "1.1.0", normalized, T0.plusSeconds(10))))
                    .as("the server kept apart cannot submit new versions at the endpoint")
                    .isInstanceOf(AlreadyTaken.class);
            Registration kept =
                    repository.findById(new RegistrationId(laterClaim)).orElseThrow();
            Registration deprecated =
                    Fixtures.reviewed(kept, RegistrationStatus.DEPRECATED, submitter.id(), T0.plusSeconds(20));
            repository.update(deprecated, kept.rowVersion());
            assertThat(repository.findById(kept.id())).contains(deprecated);
            assertThat(locators(jdbi))
                    .as("a review keeps the key kept apart")
                    .containsEntry(
                            laterClaim, "remote " + normalized + " kept apart by changeset 013 for " + ns + "/b");
            repository.update(Fixtures.deleted(deprecated, T0.plusSeconds(30)), deprecated.rowVersion());
            assertThat(locators(jdbi)).as("a deletion frees it").doesNotContainKey(laterClaim);
        }
    }

    /** Each registration's locator rows: what registration_locators holds, by registration (one row each here). */
    private static Map<UUID, String> locators(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT registration_id, locator FROM registration_locators")
                        .setMapKeyColumn("registration_id")
                        .setMapValueColumn("locator")
                        .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<UUID, String>>() {}));
    }

    @Test
    void every_existing_server_gets_the_submitter_of_its_first_registration_as_owner_deleted_ones_included() {
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, "018-server-owners-and-namespace-claims");
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            UUID ann = insertUser(jdbi);
            UUID bob = insertUser(jdbi);
            UUID cat = insertUser(jdbi);
            String ns = Fixtures.namespace();
            // The first version by time, whoever submitted the later ones.
            insertRegistrationBefore019(jdbi, bob, ns + "/ledger", "2.0.0", T0.plusSeconds(10));
            insertRegistrationBefore019(jdbi, ann, ns + "/ledger", "1.0.0", T0);
            insertRegistrationBefore019(jdbi, cat, ns + "/ledger", "3.0.0", T0.plusSeconds(20));
            // Two first versions at the same moment: the lower id (uuid order) was first.
            UUID tieOne = insertRegistrationBefore019(jdbi, bob, ns + "/tie", "1.0.0", T0.plusSeconds(5));
            UUID tieTwo = insertRegistrationBefore019(jdbi, cat, ns + "/tie", "1.0.1", T0.plusSeconds(5));
            UUID tieFirstSubmitter = Fixtures.compareIds(tieOne, tieTwo) < 0 ? bob : cat;
            // The first version deleted: its submitter still owns the name, which can never be reused.
            UUID deletedFirst = insertRegistrationBefore019(jdbi, cat, ns + "/reborn", "1.0.0", T0.plusSeconds(1));
            insertRegistrationBefore019(jdbi, ann, ns + "/reborn", "1.1.0", T0.plusSeconds(2));
            UUID onlyVersion = insertRegistrationBefore019(jdbi, bob, ns + "/gone", "1.0.0", T0.plusSeconds(3));
            jdbi.useHandle(handle -> handle.execute(
                    "UPDATE registrations SET deleted_at = created_at + interval '1 minute' WHERE id IN (?, ?)",
                    deletedFirst,
                    onlyVersion));

            new SchemaMigrator(database.unpooledDataSource()).migrate();

            List<String> rows = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT server_name, user_id, group_id, added_at FROM server_owners ORDER BY server_name")
                    .map((rs, ctx) -> rs.getString("server_name") + " " + rs.getString("user_id") + " "
                            + Optional.ofNullable(rs.getString("group_id")).orElse("-") + " "
                            + rs.getObject("added_at", OffsetDateTime.class).toInstant())
                    .list());
            assertThat(rows)
                    .containsExactly(
                            ns + "/gone " + bob + " - " + T0.plusSeconds(3),
                            ns + "/ledger " + ann + " - " + T0,
                            ns + "/reborn " + cat + " - " + T0.plusSeconds(1),
                            ns + "/tie " + tieFirstSubmitter + " - " + T0.plusSeconds(5));

            var owners = database.adapters().serverOwners();
            assertThat(owners.find(new ServerName(ns + "/ledger"))).contains(Owners.of(Owner.user(new UserId(ann))));
            RegistrationService service = new RegistrationService(
                    database.adapters().registrations(),
                    database.adapters().publishedServers(),
                    database.adapters().auditTrail(),
                    database.adapters().idempotencyKeys(),
                    database.adapters().transactions(),
                    TestClock.systemTime(),
                    database.ownership());
            assertThatThrownBy(() -> service.submit(new SubmitRegistration(
                            new Actor(new UserId(bob), false),
                            new ServerName(ns + "/ledger"),
                            new Version("4.0.0"),
                            Fixtures.details("https://" + ns + ".ledger.example.com/mcp"),
                            Optional.empty(),
                            Optional.empty())))
                    .as("a later submitter of a version is no owner")
                    .isInstanceOf(NotAnOwner.class);
        }
    }

    /** A registration as the registry stored it before changeset 019: the seed's simple fields in columns. */
    private record Before019(
            String name,
            String version,
            String title,
            String description,
            String endpoint,
            String transport,
            Optional<String> repositoryUrl,
            Optional<String> documentationUrl,
            List<String> tags,
            boolean deleted) {

        /**
         * The details the registry of today makes of these fields; the endpoint's scheme in lower case, as
         * server.json's pattern for remote URLs wants it (the rest of it as submitted).
         */
        ServerDetails details() {
            int colon = endpoint.indexOf(':');
            return ServerDetails.simple(
                    new Title(title),
                    new Description(description),
                    new HttpUrl(endpoint.substring(0, colon).toLowerCase(java.util.Locale.ROOT)
                            + endpoint.substring(colon)),
                    RemoteTransport.parse("transport", transport),
                    new OwnerContact("owner@example.com"),
                    repositoryUrl.map(HttpUrl::new),
                    documentationUrl.map(HttpUrl::new),
                    new Tags(tags));
        }

        UUID insert(Jdbi jdbi, UUID submitter, Instant createdAt) {
            UUID id = UUID.randomUUID();
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO registrations (id, server_name, version, title,"
                            + " description, endpoint_url, endpoint_url_normalized, transport, owner_contact,"
                            + " repository_url, documentation_url, tags, submitter_id, status, created_at, updated_at,"
                            + " deleted_at) VALUES (:id, :name, :version, :title, :description, :endpoint, :normalized,"
                            + " :transport, 'owner@example.com', :repository, :documentation, :tags, :submitter,"
                            + " 'Pending', :created, :created, :deleted)")
                    .bind("id", id)
                    .bind("name", name)
                    .bind("version", version)
                    .bind("title", title)
                    .bind("description", description)
                    .bind("endpoint", endpoint)
                    .bind(
                            "normalized",
                            NormalizedEndpoint.of(new HttpUrl(endpoint)).value())
                    .bind("transport", transport)
                    .bind("repository", repositoryUrl.orElse(null))
                    .bind("documentation", documentationUrl.orElse(null))
                    .bindArray("tags", String.class, tags)
                    .bind("submitter", submitter)
                    .bind("created", OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC))
                    .bind("deleted", deleted ? OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC) : null)
                    .execute());
            return id;
        }
    }

    /**
     * Repository URLs and the source changeset 019 names for each, as {@code Repository.at} does: the two forges by
     * their URL patterns exactly, anything else by its host in lower case.
     */
    private static final List<String> REPOSITORIES = List.of(
            "https://github.com/contoso/ledger",
            "https://www.github.com/contoso/ledger.js/",
            "http://github.com/contoso_x/le-dger",
            "https://github.com/contoso/ledger/tree/main",
            "https://GitHub.com/contoso/ledger",
            "https://github.com/cöntoso/ledger",
            "https://gitlab.com/group/sub/project",
            "https://gitlab.com/group",
            "https://dev.azure.com/contoso/_git/ledger",
            "HTTPS://Git.Contoso.example:8443/ledger",
            "https://[2001:db8::1]/repo",
            "https://code.example.com?project=ledger",
            "https://code.example.com#readme");

    @Test
    void registrations_stored_before_documents_become_the_document_of_their_fields_and_their_endpoints_locators() {
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, "019-server-json-documents");
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            UUID user = insertUser(jdbi);
            String ns = Fixtures.namespace();
            List<Before019> before = new ArrayList<>();
            for (int i = 0; i < REPOSITORIES.size(); i++) {
                before.add(new Before019(
                        ns + "/repo-" + i,
                        "1.0." + i,
                        "Tools " + i,
                        "Does things",
                        "https://" + ns + ".example.com/repo-" + i,
                        i % 2 == 0 ? "streamable-http" : "sse",
                        Optional.of(REPOSITORIES.get(i)),
                        i % 3 == 0 ? Optional.of("https://docs.example.com/" + i) : Optional.empty(),
                        i % 4 == 0 ? List.of("finance", "émoji-🚀") : List.of(),
                        false));
            }
            before.add(new Before019(
                    ns + "/plain",
                    "2.0.0-rc.1+build.5",
                    "Ledger – “quoted” \\ ünïcödé 🚀",
                    "It's 100% about ledgers; \"DROP TABLE\" stays text",
                    "HTTPS://" + ns.toUpperCase(java.util.Locale.ROOT) + ".Example.COM:443/%6dcp/?",
                    "streamable-http",
                    Optional.empty(),
                    Optional.of("https://docs.example.com/ledger?lang=en&x=1"),
                    List.of(),
                    false));
            before.add(new Before019(
                    ns + "/plain",
                    "1.0.0",
                    "Ledger",
                    "Gone",
                    "https://" + ns + ".example.com/mcp",
                    "sse",
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    true));
            Map<UUID, Before019> stored = new java.util.LinkedHashMap<>();
            for (Before019 row : before) {
                stored.put(row.insert(jdbi, user, T0.plusSeconds(stored.size())), row);
            }

            new SchemaMigrator(database.unpooledDataSource()).migrate();

            var repository = database.adapters().registrations();
            Map<UUID, String> expectedLocators = new java.util.HashMap<>();
            stored.forEach((id, row) -> {
                Registration migrated =
                        repository.findById(new RegistrationId(id)).orElseThrow();
                assertThat(migrated.serverName()).isEqualTo(new ServerName(row.name()));
                assertThat(migrated.version()).isEqualTo(new Version(row.version()));
                assertThat(migrated.details()).as(row.toString()).isEqualTo(row.details());
                boolean written = jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT server_json = CAST(:written AS jsonb) FROM registrations WHERE id = :id")
                        .bind("written", TestDatabase.SERVER_JSON.write(migrated.document()))
                        .bind("id", id)
                        .mapTo(Boolean.class)
                        .one());
                assertThat(written)
                        .as("%s is stored as the registry writes it", row)
                        .isTrue();
                if (!row.deleted()) {
                    expectedLocators.put(
                            id,
                            "remote "
                                    + NormalizedEndpoint.of(new HttpUrl(row.endpoint()))
                                            .value());
                }
            });
            assertThat(locators(jdbi)).isEqualTo(expectedLocators);
            assertThat(REPOSITORIES.stream()
                            .map(url -> Repository.at(new HttpUrl(url)).source())
                            .distinct())
                    .as("every way of naming a source is tried")
                    .contains("github", "gitlab", "github.com", "gitlab.com", "[2001:db8::1]", "git.contoso.example");

            var submitter = database.adapters().users().save(Fixtures.user());
            assertThatThrownBy(() -> repository.insert(Fixtures.pending(
                            submitter.id(), ns + "/thief", "1.0.0", "https://" + ns + ".example.com/repo-0/", T0)))
                    .as("a migrated registration holds its endpoint")
                    .isInstanceOf(AlreadyTaken.class);
            Registration next =
                    Fixtures.pending(submitter.id(), ns + "/plain", "3.0.0", "https://" + ns + ".example.com/mcp", T0);
            repository.insert(next);
            assertThat(repository.findById(next.id()))
                    .as("the endpoint of a deleted registration is free")
                    .contains(next);
        }
    }

    @Test
    void changeset_019_rolls_back_to_the_columns_while_every_document_is_one_remote_and_refuses_otherwise() {
        try (TestDatabase database = TestDatabase.empty()) {
            new SchemaMigrator(database.unpooledDataSource()).migrate();
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            var repository = database.adapters().registrations();
            var submitter = database.adapters().users().save(Fixtures.user());
            String ns = Fixtures.namespace();
            Registration simple = Fixtures.pending(
                    submitter.id(),
                    ns + "/simple",
                    "1.0.0",
                    ServerDetailsTestData.someDetails()
                            .withEndpointUrl("https://" + ns.toUpperCase(java.util.Locale.ROOT) + ".example.com/mcp/")
                            .withTransport(RemoteTransport.SSE)
                            .withRepositoryUrl("https://github.com/contoso/ledger")
                            .withDocumentationUrl("https://docs.example.com/ledger")
                            .withTags("finance")
                            .build(),
                    T0);
            repository.insert(simple);
            Registration submitted =
                    Fixtures.pending(submitter.id(), ns + "/gone", "1.0.0", "https://" + ns + ".example.com/gone", T0);
            repository.insert(submitted);
            Registration gone = Fixtures.deleted(submitted, T0.plusSeconds(1));
            repository.update(gone, submitted.rowVersion());
            Registration packaged = Fixtures.pending(
                    submitter.id(),
                    ns + "/packaged",
                    "1.0.0",
                    Fixtures.details(Fixtures.everyKindOfPackageAndARichRemote(ns)),
                    T0);
            repository.insert(packaged);
            // The changesets after 019 first (020 to 022 roll back whatever the registrations hold).
            List<String> changeSets = Changelog.changeSetIds();
            Changelog.rollBack(database, changeSets.size() - changeSets.indexOf("019-server-json-documents") - 1);

            assertThatThrownBy(() -> Changelog.rollBack(database, 1))
                    .hasStackTraceContaining("changeset 019 cannot be rolled back");
            jdbi.useHandle(handle -> {
                handle.execute(
                        "DELETE FROM registration_locators WHERE registration_id = ?",
                        packaged.id().value());
                handle.execute(
                        "DELETE FROM registrations WHERE id = ?", packaged.id().value());
            });
            Changelog.rollBack(database, 1);

            List<String> columns = jdbi.withHandle(
                    handle -> handle.createQuery("""
                            SELECT concat_ws(' ', server_name, endpoint_url, transport, repository_url,
                                             documentation_url, endpoint_url_normalized, title, owner_contact)
                              FROM registrations ORDER BY server_name
                            """).mapTo(String.class).list());
            assertThat(columns)
                    .containsExactly(
                            ns + "/gone https://" + ns + ".example.com/gone streamable-http https://" + ns
                                    + ".example.com/gone Ledger tools owner@example.com",
                            ns + "/simple https://" + ns.toUpperCase(java.util.Locale.ROOT) + ".example.com/mcp/ sse"
                                    + " https://github.com/contoso/ledger https://docs.example.com/ledger https://" + ns
                                    + ".example.com/mcp Ledger tools owner@example.com");
            int left = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT count(*) FROM databasechangelog WHERE id = '019-server-json-documents'"
                                    + " OR to_regclass('registration_locators') IS NOT NULL")
                    .mapTo(Integer.class)
                    .one());
            assertThat(left).as("changeset 019 and its table are gone").isZero();

            new SchemaMigrator(database.unpooledDataSource()).migrate();
            assertThat(repository.findById(simple.id())).as("migrated again").contains(simple);
            assertThat(repository.findById(gone.id())).contains(gone);
        }
    }

    /**
     * The checks of one remote as changeset 020 kept them, oldest first, and what {@link Health#after} made of them as
     * the check runner went: the failures in a row they end with and the health they leave.
     */
    private record Before021(String host, List<ProbeOutcome> checks) {
        int failuresInARow() {
            int failures = 0;
            for (ProbeOutcome outcome : checks) {
                failures = outcome.answered() ? 0 : failures + 1;
            }
            return failures;
        }

        Health health() {
            Health health = Health.UNKNOWN;
            int failures = 0;
            for (ProbeOutcome outcome : checks) {
                failures = outcome.answered() ? 0 : failures + 1;
                health = Health.after(health, outcome, failures);
            }
            return health;
        }
    }

    @Test
    void
            remotes_scheduled_before_021_stay_periodic_with_the_health_and_last_check_their_history_gives_and_021_rolls_back() {
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, "021-check-health-and-drift");
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            var submitter = database.adapters().users().save(Fixtures.user());
            String ns = Fixtures.namespace();
            Registration registration =
                    Fixtures.pending(submitter.id(), ns + "/checked", "1.0.0", "https://" + ns + ".example.com/", T0);
            database.adapters().registrations().insert(registration);
            List<Before021> remotes = List.of(
                    new Before021("healthy", List.of(ProbeOutcome.REACHABLE)),
                    new Before021("one-failure", List.of(ProbeOutcome.REACHABLE, ProbeOutcome.TIMEOUT)),
                    new Before021(
                            "auth-two-failures",
                            List.of(ProbeOutcome.REQUIRES_AUTH, ProbeOutcome.UNREACHABLE, ProbeOutcome.PROTOCOL_ERROR)),
                    new Before021(
                            "three-failures",
                            List.of(
                                    ProbeOutcome.REACHABLE,
                                    ProbeOutcome.TIMEOUT,
                                    ProbeOutcome.TOO_LARGE,
                                    ProbeOutcome.UNREACHABLE)),
                    new Before021(
                            "blocked-then-failed",
                            List.of(ProbeOutcome.REACHABLE, ProbeOutcome.BLOCKED_ADDRESS, ProbeOutcome.TIMEOUT)),
                    new Before021("blocked", List.of(ProbeOutcome.REACHABLE, ProbeOutcome.BLOCKED_ADDRESS)),
                    new Before021("never-answered", List.of(ProbeOutcome.TIMEOUT)),
                    new Before021(
                            "answered-again",
                            List.of(
                                    ProbeOutcome.TIMEOUT,
                                    ProbeOutcome.TIMEOUT,
                                    ProbeOutcome.TIMEOUT,
                                    ProbeOutcome.REACHABLE)),
                    new Before021("unchecked", List.of()));
            for (Before021 remote : remotes) {
                String url = "https://" + remote.host() + "." + ns + ".example.com/mcp";
                jdbi.useHandle(handle -> {
                    handle.execute(
                            "INSERT INTO check_schedule (registration_id, remote_url, transport, next_due_at,"
                                    + " failures_in_a_row) VALUES (?, ?, 'streamable-http', ?, ?)",
                            registration.id().value(),
                            url,
                            Timestamps.of(T0.plusSeconds(900)),
                            remote.failuresInARow());
                    for (int i = 0; i < remote.checks().size(); i++) {
                        handle.execute(
                                "INSERT INTO remote_checks (registration_id, remote_url, checked_at, outcome,"
                                        + " latency_micros, tools_sha256, prompts, resources)"
                                        + " VALUES (?, ?, ?, ?, ?, repeat('0', 64), 0, 0)",
                                registration.id().value(),
                                url,
                                Timestamps.of(T0.plusSeconds(i)),
                                remote.checks().get(i).wireName(),
                                1_000L * (i + 1));
                    }
                });
            }

            new SchemaMigrator(database.unpooledDataSource()).migrate();

            var checks = database.adapters().checks();
            assertThat(checks.statuses(List.of(registration.id())).get(registration.id()))
                    .containsExactlyElementsOf(remotes.stream()
                            .map(remote -> new RemoteStatus(
                                    "https://" + remote.host() + "." + ns + ".example.com/mcp",
                                    remote.health(),
                                    remote.checks().isEmpty()
                                            ? Optional.empty()
                                            : Optional.of(T0.plusSeconds(
                                                    remote.checks().size() - 1)),
                                    remote.checks().isEmpty()
                                            ? Optional.empty()
                                            : Optional.of(Duration.ofMillis(
                                                    remote.checks().size())),
                                    false))
                            .toList());
            List<String> schedule = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT DISTINCT concat_ws(' ', periodic, next_due_at = :due) FROM check_schedule")
                    .bind("due", Timestamps.of(T0.plusSeconds(900)))
                    .mapTo(String.class)
                    .list());
            assertThat(schedule)
                    .as("every remote stays periodic, due as it was")
                    .containsExactly("t t");

            // A remote checked once, and recorded: not due again, which 020 can only say as due never.
            CheckedRemote once = new CheckedRemote("https://once." + ns + ".example.com/mcp", RemoteTransport.SSE);
            checks.schedule(registration.id(), once, T0, false);
            checks.record(
                    new RemoteCheck(
                            registration.id(),
                            once.url(),
                            T0,
                            ProbeReport.failed(ProbeOutcome.TIMEOUT, Duration.ofSeconds(20), "no answer")),
                    new CheckOutcome(Optional.empty(), 1, Health.UNKNOWN, T0.plusSeconds(900)),
                    100);
            // The changesets after 021 first, then 021.
            Changelog.rollBackThrough(database, "021-check-health-and-drift");

            List<String> rolledBack = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT concat_ws(' ', next_due_at = 'infinity', (SELECT count(*) FROM information_schema.columns"
                                    + " WHERE table_name IN ('check_schedule', 'approval_snapshots') AND column_name IN"
                                    + " ('periodic', 'scheduled_order', 'health', 'last_checked_at',"
                                    + " 'last_latency_micros', 'drift_sha256', 'drifted_at')))"
                                    + " FROM check_schedule WHERE remote_url = :url")
                    .bind("url", once.url())
                    .mapTo(String.class)
                    .list());
            assertThat(rolledBack).containsExactly("t 0");

            new SchemaMigrator(database.unpooledDataSource()).migrate();
            assertThat(checks.scheduled(registration.id())).hasSize(remotes.size() + 1);
        }
    }

    @Test
    void before_022_a_deprecated_version_was_never_the_latest_after_it_the_highest_not_deleted_is_and_022_rolls_back() {
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, "021-check-health-and-drift");
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            var repository = database.adapters().registrations();
            var submitter = database.adapters().users().save(Fixtures.user());
            var admin = database.adapters().users().save(Fixtures.user());
            String ns = Fixtures.namespace();
            // Stored as the registration service stored them before 022: the latest, the highest Approved version.
            java.util.function.BiFunction<String, String, Registration> stored = (server, versionAndStatus) -> {
                String[] parts = versionAndStatus.split(" ");
                Registration pending = Fixtures.pending(
                        submitter.id(),
                        ns + "/" + server,
                        parts[0],
                        "https://" + server + "." + ns + ".example.com/",
                        T0);
                repository.insert(pending);
                Registration reviewed = Fixtures.reviewed(
                        pending, RegistrationStatus.parse("status", parts[1]), admin.id(), T0.plusSeconds(1));
                repository.update(reviewed, pending.rowVersion());
                Registration last = reviewed;
                if (parts.length > 2 && parts[2].equals("deleted")) {
                    last = Fixtures.deleted(reviewed, T0.plusSeconds(2));
                    repository.update(last, reviewed.rowVersion());
                }
                jdbi.useHandle(handle -> handle.execute(
                        "UPDATE registrations SET published_at = ?, is_latest = ? WHERE id = ?",
                        Timestamps.of(T0.plusSeconds(1)),
                        parts.length > 3,
                        pending.id().value()));
                return last;
            };
            stored.apply("newer-deprecated", "1.0.0 Approved - latest");
            stored.apply("newer-deprecated", "2.0.0 Deprecated");
            stored.apply("all-deprecated", "1.0.0 Deprecated");
            stored.apply("all-deprecated", "1.1.0 Deprecated");
            stored.apply("deleted-deprecated", "1.0.0 Approved - latest");
            stored.apply("deleted-deprecated", "2.0.0 Deprecated deleted");
            stored.apply("never-deprecated", "1.0.0 Approved");
            stored.apply("never-deprecated", "1.1.0 Approved - latest");

            new SchemaMigrator(database.unpooledDataSource()).migrate();

            assertThat(latestVersions(jdbi))
                    .containsExactly(
                            ns + "/all-deprecated 1.1.0",
                            ns + "/deleted-deprecated 1.0.0",
                            ns + "/never-deprecated 1.1.0",
                            ns + "/newer-deprecated 2.0.0");
            int flipped = jdbi.withHandle(
                    handle -> handle.createQuery("SELECT count(*) FROM registrations WHERE updated_at > :before")
                            .bind("before", Timestamps.of(T0.plusSeconds(2)))
                            .mapTo(Integer.class)
                            .one());
            assertThat(flipped)
                    .as("each flipped flag is a change that updated_since shows: 1.0.0 and 2.0.0 of newer-deprecated,"
                            + " 1.1.0 of all-deprecated")
                    .isEqualTo(3);

            Changelog.rollBackThrough(database, "022-deprecated-latest-version");

            assertThat(latestVersions(jdbi))
                    .containsExactly(
                            ns + "/deleted-deprecated 1.0.0",
                            ns + "/never-deprecated 1.1.0",
                            ns + "/newer-deprecated 1.0.0");
        }
    }

    private static List<String> latestVersions(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT server_name || ' ' || version FROM registrations WHERE is_latest ORDER BY 1")
                .mapTo(String.class)
                .list());
    }

    /** Inserts {@code event} as the registry did before changeset 011; returns its hash. */
    private static String insertAsBefore011(Jdbi jdbi, String previous, AuditEvent event) {
        String hash = AuditChain.unkeyedHash(previous, event);
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO audit_log (id, at, actor_id, action, registration_id, from_status, to_status,"
                                + " reason, request_id, prev_hash, hash) VALUES (:id, :at, :actor, :action,"
                                + " :registration, :from, :to, :reason, :request, :prev_hash, :hash)")
                .bind("id", event.id())
                .bind("at", OffsetDateTime.ofInstant(event.at(), java.time.ZoneOffset.UTC))
                .bind("actor", event.actorId().orElseThrow().value())
                .bind("action", event.action().wireName())
                .bind("registration", event.registrationId().orElseThrow().value())
                .bind("from", event.fromStatus().orElseThrow().label())
                .bind("to", event.toStatus().orElseThrow().label())
                .bind("reason", event.reason().orElse(null))
                .bind("request", event.requestId().orElse(null))
                .bind("prev_hash", previous)
                .bind("hash", hash)
                .execute());
        return hash;
    }

    private static UUID insertUser(Jdbi jdbi) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO users (id, tid, oid, display_name, created_at, updated_at, last_seen_at)"
                        + " VALUES (?, 'tenant', ?, 'Old User', now(), now(), now())",
                id,
                "oid-" + id));
        return id;
    }

    /** An Approved registration stored as the registry stored it before changeset 012, deleted or not. */
    private static UUID insertRegistration(
            Jdbi jdbi, UUID submitter, String name, String version, Instant createdAt, boolean deleted) {
        return insertRegistration(
                jdbi,
                submitter,
                name,
                version,
                "https://" + name.replace('/', '.') + ".example.com/mcp",
                createdAt,
                deleted);
    }

    /** An Approved registration at {@code endpoint} stored as the registry stored it before changeset 013. */
    private static UUID insertRegistration(
            Jdbi jdbi,
            UUID submitter,
            String name,
            String version,
            String endpoint,
            Instant createdAt,
            boolean deleted) {
        UUID id = UUID.randomUUID();
        OffsetDateTime created =
                OffsetDateTime.ofInstant(createdAt.truncatedTo(ChronoUnit.MICROS), java.time.ZoneOffset.UTC);
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO registrations (id, server_name, version, title, description, endpoint_url, transport,"
                        + " owner_contact, submitter_id, status, created_at, updated_at, deleted_at)"
                        + " VALUES (?, ?, ?, 'Tools', 'Does things', ?, 'streamable-http', 'owner@example.com', ?,"
                        + " 'Approved', ?, ?, ?)",
                id,
                name,
                version,
                endpoint,
                submitter,
                created,
                created,
                deleted ? created.plusSeconds(5) : null));
        return id;
    }

    /** {@link #insertRegistration} into the schema of changesets 013 to 018, which keeps the normalised endpoint too. */
    private static UUID insertRegistrationBefore019(
            Jdbi jdbi, UUID submitter, String name, String version, Instant createdAt) {
        UUID id = UUID.randomUUID();
        String endpoint = "https://" + name.replace('/', '.') + ".example.com/mcp";
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO registrations (id, server_name, version, title, description, endpoint_url,"
                        + " endpoint_url_normalized, transport, owner_contact, submitter_id, status, created_at,"
                        + " updated_at) VALUES (?, ?, ?, 'Tools', 'Does things', ?, ?, 'streamable-http',"
                        + " 'owner@example.com', ?, 'Approved', ?, ?)",
                id,
                name,
                version,
                endpoint,
                endpoint,
                submitter,
                OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC),
                OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC)));
        return id;
    }

    /** {@link #insertRegistration} into the schema of today, which keeps the server.json document. */
    private static UUID insertRegistrationNow(
            Jdbi jdbi, UUID submitter, String name, String version, Instant createdAt) {
        UUID id = UUID.randomUUID();
        String document = PlainSqlDocuments.oneRemote(":name", ":version", "'Tools'", "'Does things'", ":endpoint");
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO registrations (id, server_name, version, title,"
                        + " description, server_json, owner_contact, submitter_id, status, created_at, updated_at)"
                        + " VALUES (:id, :name, :version, 'Tools', 'Does things', " + document + ","
                        + " 'owner@example.com', :submitter, 'Approved', :created, :created)")
                .bind("id", id)
                .bind("name", name)
                .bind("version", version)
                .bind("endpoint", "https://" + name.replace('/', '.') + ".example.com/mcp")
                .bind("submitter", submitter)
                .bind("created", OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC))
                .execute());
        return id;
    }
}
