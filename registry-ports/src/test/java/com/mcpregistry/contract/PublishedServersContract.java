package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.deleted;
import static com.mcpregistry.contract.Fixtures.pending;
import static com.mcpregistry.contract.Fixtures.reviewed;
import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.shared.RegistrationStatus.DEPRECATED;
import static com.mcpregistry.domain.shared.RegistrationStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.ServerDetailsTestData;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.ServerListCursor;
import com.mcpregistry.publication.ServerListToken;
import com.mcpregistry.publication.VersionSelector;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PublishedServers} guarantees, on registrations stored through the matching
 * {@link RegistrationRepository}. Each test works in a namespace of its own and lists only it (through
 * {@code search}), because the adapter may hold rows of other tests.
 */
public abstract class PublishedServersContract {

    protected abstract PublishedServers published();

    protected abstract RegistrationRepository registrations();

    protected abstract UserRepository users();

    protected abstract Transactions transactions();

    private User submitter;
    private User admin;
    private String namespace;

    @BeforeEach
    void givenUsersAndANamespaceOfThisTest() {
        submitter = users().save(Fixtures.user());
        admin = users().save(Fixtures.user());
        namespace = Fixtures.namespace();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private ServerName name(String local) {
        return new ServerName(namespace + "/" + local);
    }

    private Registration submitted(String local, String version, Instant at) {
        Registration r = pending(
                submitter.id(), name(local).value(), version, "https://" + namespace + ".example.com/" + local, at);
        registrations().insert(r);
        return r;
    }

    private Registration moved(Registration from, Registration to) {
        registrations().update(to, from.rowVersion());
        return to;
    }

    /** Submitted and approved at {@code at}, but not (yet) marked published. */
    private Registration approved(String local, String version, Instant at) {
        Registration r = submitted(local, version, at.minusSeconds(1));
        return moved(r, reviewed(r, APPROVED, admin.id(), at));
    }

    /** Submitted and approved at {@code at}, and published then, as the registration service would. */
    private Registration published(String local, String version, Instant at) {
        Registration r = submitted(local, version, at.minusSeconds(1));
        Registration approved = moved(r, reviewed(r, APPROVED, admin.id(), at));
        published().markPublished(approved.id(), at);
        return approved;
    }

    private void latest(String local, Optional<Registration> latest, Instant at) {
        transactions().inTransaction(() -> {
            published().markLatest(name(local), latest.map(Registration::id), at);
            return null;
        });
    }

    private PublishedServerQuery query(int limit) {
        return new PublishedServerQuery(
                Optional.of(namespace), Optional.empty(), false, Optional.empty(), limit, Optional.empty());
    }

    private PublishedServerQuery withDeleted(int limit) {
        return new PublishedServerQuery(
                Optional.of(namespace), Optional.empty(), true, Optional.empty(), limit, Optional.empty());
    }

    private PublishedServerQuery since(Instant since, int limit) {
        return new PublishedServerQuery(
                Optional.of(namespace), Optional.empty(), false, Optional.of(since), limit, Optional.empty());
    }

    private PublishedServerQuery version(VersionSelector selector) {
        return new PublishedServerQuery(
                Optional.of(namespace), Optional.of(selector), false, Optional.empty(), 100, Optional.empty());
    }

    private List<PublishedServer> all(PublishedServerQuery first) {
        List<PublishedServer> all = new ArrayList<>();
        PublishedServerPage page = published().list(first);
        all.addAll(page.servers());
        while (page.next().isPresent()) {
            page = published().list(first.after(page.next().get().after()));
            all.addAll(page.servers());
        }
        return all;
    }

    private static List<String> names(List<PublishedServer> servers) {
        return servers.stream()
                .map(p -> p.registration().serverName().value().replaceFirst("^[^/]+/", "") + "@"
                        + p.registration().version())
                .toList();
    }

    // ---- what is published ---------------------------------------------------------------------------------

    @Test
    void a_published_server_json_document_is_listed_and_found_as_it_was_approved() {
        ServerDetails details = Fixtures.details(Fixtures.everyKindOfPackageAndARichRemote(namespace));
        Registration submitted = pending(submitter.id(), name("weather").value(), "2.1.0", details, T0);
        registrations().insert(submitted);
        Registration approved = moved(submitted, reviewed(submitted, APPROVED, admin.id(), T0.plusSeconds(1)));
        published().markPublished(approved.id(), T0.plusSeconds(1));
        latest("weather", Optional.of(approved), T0.plusSeconds(1));
        Registration latest = registrations().findById(approved.id()).orElseThrow();

        assertThat(latest.details()).isEqualTo(details);
        assertThat(published().list(query(10)).servers())
                .extracting(PublishedServer::registration)
                .containsExactly(latest);
        assertThat(published().version(name("weather"), new Version("2.1.0"), false))
                .map(PublishedServer::registration)
                .contains(latest);
        assertThat(published().latest(name("weather")))
                .map(PublishedServer::registration)
                .contains(latest);
        assertThat(published().versions(name("weather"), false))
                .extracting(PublishedServer::registration)
                .containsExactly(latest);
    }

    @Test
    void a_registration_appears_only_once_it_is_marked_published() {
        Registration approvedOnly = approved("unmarked", "1.0.0", T0);
        Registration marked = published("marked", "1.0.0", T0);
        Registration pendingOne = submitted("pending", "1.0.0", T0);

        List<PublishedServer> listed = published().list(query(100)).servers();

        assertThat(listed).extracting(p -> p.registration().id()).containsExactly(marked.id());
        assertThat(listed.get(0).publishedAt()).isEqualTo(T0);
        assertThat(listed.get(0).status()).isEqualTo(PublishedServer.Status.ACTIVE);
        assertThat(listed.get(0).latest()).isFalse();
        assertThat(published().versions(approvedOnly.serverName(), true)).isEmpty();
        assertThat(published().versions(pendingOne.serverName(), true)).isEmpty();
    }

    @Test
    void the_first_publication_time_stays() {
        Registration r = published("tools", "1.0.0", T0);

        published().markPublished(r.id(), T0.plusSeconds(60));

        assertThat(published().versions(r.serverName(), false))
                .singleElement()
                .extracting(PublishedServer::publishedAt)
                .isEqualTo(T0);
    }

    @Test
    void a_deprecated_version_is_listed_as_deprecated_with_its_reason() {
        Registration r = published("tools", "1.0.0", T0);
        Registration deprecated = moved(r, reviewed(r, DEPRECATED, admin.id(), T0.plusSeconds(5)));

        PublishedServer listed = published().list(query(10)).servers().get(0);

        assertThat(listed.status()).isEqualTo(PublishedServer.Status.DEPRECATED);
        assertThat(listed.statusMessage()).isEqualTo(deprecated.statusReason().map(Object::toString));
        assertThat(listed.statusChangedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(listed.publishedAt()).isEqualTo(T0);
    }

    @Test
    void deleted_versions_appear_only_when_asked_for_and_as_deleted() {
        Registration kept = published("kept", "1.0.0", T0);
        Registration gone = published("gone", "1.0.0", T0);
        moved(gone, deleted(gone, T0.plusSeconds(9)));
        Registration rejected = submitted("rejected", "1.0.0", T0);
        moved(rejected, reviewed(rejected, REJECTED, admin.id(), T0));

        assertThat(published().list(query(10)).servers())
                .extracting(p -> p.registration().id())
                .containsExactly(kept.id());
        List<PublishedServer> withDeleted = published().list(withDeleted(10)).servers();
        assertThat(names(withDeleted)).containsExactly("gone@1.0.0", "kept@1.0.0");
        assertThat(withDeleted.get(0).status()).isEqualTo(PublishedServer.Status.DELETED);
        assertThat(withDeleted.get(0).statusChangedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(withDeleted.get(0).statusMessage()).isEmpty();
    }

    // ---- the latest flag -----------------------------------------------------------------------------------

    @Test
    void marking_the_latest_flips_only_the_versions_whose_flag_changes_and_moves_their_update_time() {
        Registration one = published("tools", "1.0.0", T0);
        Registration two = published("tools", "2.0.0", T0.plusSeconds(1));
        Registration three = published("tools", "3.0.0", T0.plusSeconds(2));
        latest("tools", Optional.of(two), T0.plusSeconds(10));

        latest("tools", Optional.of(three), T0.plusSeconds(20));

        List<PublishedServer> versions = published().versions(name("tools"), false);
        assertThat(versions)
                .extracting(p -> p.registration().version().value(), PublishedServer::latest)
                .containsExactly(tuple("3.0.0", true), tuple("2.0.0", false), tuple("1.0.0", false));
        assertThat(versions)
                .extracting(PublishedServer::updatedAt)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(20), one.updatedAt());
        assertThat(published().latest(name("tools")))
                .map(p -> p.registration().id())
                .contains(three.id());
    }

    @Test
    void marking_no_latest_clears_the_flag_and_marking_the_same_again_changes_nothing() {
        Registration one = published("tools", "1.0.0", T0);
        latest("tools", Optional.of(one), T0.plusSeconds(10));
        latest("tools", Optional.of(one), T0.plusSeconds(20));

        assertThat(published().latest(name("tools")).orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(10));

        latest("tools", Optional.empty(), T0.plusSeconds(30));

        assertThat(published().latest(name("tools"))).isEmpty();
        assertThat(published().versions(name("tools"), false).get(0).updatedAt())
                .isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void a_flip_moves_the_update_time_forward_even_when_the_change_is_dated_earlier() {
        Registration one = published("tools", "1.0.0", T0.plusSeconds(60));

        latest("tools", Optional.of(one), T0);

        assertThat(published().latest(name("tools")).orElseThrow().updatedAt())
                .isAfter(one.updatedAt())
                .isBefore(one.updatedAt().plusMillis(1));
    }

    @Test
    void the_latest_of_one_server_leaves_other_servers_alone() {
        Registration tools = published("tools", "1.0.0", T0);
        Registration other = published("other", "1.0.0", T0);
        latest("other", Optional.of(other), T0.plusSeconds(5));

        latest("tools", Optional.of(tools), T0.plusSeconds(10));

        assertThat(published().latest(name("other")).map(p -> p.registration().id()))
                .contains(other.id());
        assertThat(published().latest(name("tools")).map(p -> p.registration().id()))
                .contains(tools.id());
    }

    // ---- the list --------------------------------------------------------------------------------------------

    @Test
    void the_list_is_ordered_by_name_and_version_by_their_characters_whatever_the_locale() {
        for (String local : List.of("beta", "Zeta", "alpha", "a-b", "ab", "a_b", "a.b")) {
            published(local, "1.0.0", T0);
        }
        published("alpha", "1.10.0", T0);
        published("alpha", "1.9.0", T0);
        published("alpha", "1.0.0-rc.1", T0);

        assertThat(names(published().list(query(100)).servers()))
                .containsExactly(
                        "Zeta@1.0.0",
                        "a-b@1.0.0",
                        "a.b@1.0.0",
                        "a_b@1.0.0",
                        "ab@1.0.0",
                        "alpha@1.0.0",
                        "alpha@1.0.0-rc.1",
                        "alpha@1.10.0",
                        "alpha@1.9.0",
                        "beta@1.0.0");
    }

    @Test
    void pages_continue_after_the_cursor_without_repeating_or_skipping() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String local = String.format("server-%02d", i);
            published(local, "1.0.0", T0);
            published(local, "2.0.0", T0);
            expected.add(local + "@1.0.0");
            expected.add(local + "@2.0.0");
        }

        List<PublishedServer> paged = all(query(5));

        assertThat(names(paged)).containsExactlyElementsOf(expected);
    }

    @Test
    void a_page_with_more_to_come_says_so_and_the_last_page_does_not() {
        published("a", "1.0.0", T0);
        published("b", "1.0.0", T0);
        published("c", "1.0.0", T0);

        PublishedServerPage first = published().list(query(2));
        PublishedServerPage last =
                published().list(query(2).after(first.next().orElseThrow().after()));

        assertThat(names(first.servers())).containsExactly("a@1.0.0", "b@1.0.0");
        assertThat(first.next().map(ServerListToken::after)).containsInstanceOf(ServerListCursor.ByName.class);
        assertThat(names(last.servers())).containsExactly("c@1.0.0");
        assertThat(last.next()).isEmpty();
    }

    @Test
    void servers_published_while_a_client_pages_never_repeat_or_push_others_out() {
        for (String local : List.of("b", "d", "f", "h")) {
            published(local, "1.0.0", T0);
        }
        PublishedServerPage first = published().list(query(2));
        published("a", "1.0.0", T0.plusSeconds(5));
        published("e", "1.0.0", T0.plusSeconds(5));

        List<PublishedServer> rest =
                all(query(2).after(first.next().orElseThrow().after()));

        assertThat(names(first.servers())).containsExactly("b@1.0.0", "d@1.0.0");
        assertThat(names(rest)).containsExactly("e@1.0.0", "f@1.0.0", "h@1.0.0");
    }

    @Test
    void search_is_a_case_insensitive_literal_substring_of_the_name_or_the_description() {
        String token = Fixtures.unique();
        published("ledger-" + token, "1.0.0", T0);
        describe(published("payroll", "1.0.0", T0), "Quokka", "Books 100% of " + token.toUpperCase() + "_ENTRIES");
        describe(published("other", "1.0.0", T0), "Quokka " + token, "Reads the weather");

        assertThat(names(search(token.toUpperCase()))).containsExactly("ledger-" + token + "@1.0.0", "payroll@1.0.0");
        assertThat(names(search("100% of " + token))).containsExactly("payroll@1.0.0");
        assertThat(names(search(token + "_entries"))).containsExactly("payroll@1.0.0");
        assertThat(names(search("%" + token))).as("% is taken literally").isEmpty();
        assertThat(names(search(token.substring(0, 3) + "_" + token.substring(4))))
                .as("_ is taken literally")
                .isEmpty();
        assertThat(names(search("quokka"))).as("the title is not searched").isEmpty();
    }

    private void describe(Registration r, String title, String description) {
        ServerDetails details = ServerDetailsTestData.from(r.details())
                .withTitle(title)
                .withDescription(description)
                .withoutRepositoryUrl()
                .withoutDocumentationUrl()
                .build();
        moved(r, Fixtures.edited(r, details, r.updatedAt()));
    }

    /** A search across the whole adapter, narrowed to this test's namespace afterwards. */
    private List<PublishedServer> search(String text) {
        return published()
                .list(new PublishedServerQuery(
                        Optional.of(text), Optional.empty(), false, Optional.empty(), 100, Optional.empty()))
                .servers()
                .stream()
                .filter(p -> p.registration().serverName().value().startsWith(namespace + "/"))
                .toList();
    }

    @Test
    void version_latest_lists_only_latest_versions_and_an_exact_version_only_that_version() {
        published("a", "1.0.0", T0);
        Registration a2 = published("a", "2.0.0", T0);
        Registration b1 = published("b", "1.0.0", T0);
        published("c", "2.0.0", T0);
        latest("a", Optional.of(a2), T0.plusSeconds(1));
        latest("b", Optional.of(b1), T0.plusSeconds(1));

        assertThat(names(published().list(version(new VersionSelector.Latest())).servers()))
                .containsExactly("a@2.0.0", "b@1.0.0");
        assertThat(names(published()
                        .list(version(new VersionSelector.Exact(new Version("2.0.0"))))
                        .servers()))
                .containsExactly("a@2.0.0", "c@2.0.0");
    }

    // ---- incremental sync ------------------------------------------------------------------------------------

    @Test
    void updated_since_lists_exactly_the_later_changes_oldest_first_deleted_ones_included() {
        Registration early = published("early", "1.0.0", T0);
        Registration late = published("late", "1.0.0", T0.plusSeconds(10));
        Registration gone = published("gone", "1.0.0", T0.plusSeconds(1));
        moved(gone, deleted(gone, T0.plusSeconds(20)));
        Registration changed = moved(early, reviewed(early, DEPRECATED, admin.id(), T0.plusSeconds(15)));

        List<PublishedServer> changes = all(since(T0.plusSeconds(10), 1));

        assertThat(changes)
                .extracting(p -> p.registration().id(), PublishedServer::status)
                .containsExactly(
                        tuple(changed.id(), PublishedServer.Status.DEPRECATED),
                        tuple(gone.id(), PublishedServer.Status.DELETED));
        assertThat(all(since(T0.plusSeconds(9), 1)))
                .extracting(p -> p.registration().id())
                .containsExactly(late.id(), changed.id(), gone.id());
    }

    @Test
    void a_change_while_a_client_syncs_comes_after_what_it_has_seen() {
        Registration a = published("a", "1.0.0", T0.plusSeconds(1));
        published("b", "1.0.0", T0.plusSeconds(2));
        published("c", "1.0.0", T0.plusSeconds(3));
        PublishedServerPage first = published().list(since(T0, 2));

        moved(a, reviewed(a, DEPRECATED, admin.id(), T0.plusSeconds(30)));
        List<PublishedServer> rest =
                all(since(T0, 2).after(first.next().orElseThrow().after()));

        assertThat(names(first.servers())).containsExactly("a@1.0.0", "b@1.0.0");
        assertThat(names(rest)).containsExactly("c@1.0.0", "a@1.0.0");
        assertThat(rest.get(1).status()).isEqualTo(PublishedServer.Status.DEPRECATED);
    }

    @Test
    void a_cursor_of_one_order_is_refused_in_the_other() {
        published("a", "1.0.0", T0);
        published("b", "1.0.0", T0);
        ServerListCursor byName =
                published().list(query(1)).next().orElseThrow().after();
        ServerListCursor byUpdate = published()
                .list(since(T0.minusSeconds(1), 1))
                .next()
                .orElseThrow()
                .after();

        assertThatThrownBy(() -> since(T0, 1).after(byName)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> query(1).after(byUpdate)).isInstanceOf(InvalidInput.class);
    }

    // ---- one server --------------------------------------------------------------------------------------------

    @Test
    void versions_come_most_recently_published_first_deleted_ones_when_asked_for() {
        Registration old = published("tools", "2.0.0", T0);
        Registration newer = published("tools", "1.5.0", T0.plusSeconds(10));
        Registration gone = published("tools", "3.0.0", T0.plusSeconds(20));
        moved(gone, deleted(gone, T0.plusSeconds(30)));

        assertThat(published().versions(name("tools"), false))
                .extracting(p -> p.registration().id())
                .containsExactly(newer.id(), old.id());
        assertThat(published().versions(name("tools"), true))
                .extracting(p -> p.registration().id())
                .containsExactly(gone.id(), newer.id(), old.id());
        assertThat(published().versions(name("unknown"), true)).isEmpty();
    }

    @Test
    void one_version_is_found_by_its_exact_number_and_a_deleted_one_only_when_asked_for() {
        Registration first = published("tools", "1.0.0+build.1", T0);
        moved(first, deleted(first, T0.plusSeconds(5)));

        assertThat(published().version(name("tools"), new Version("1.0.0+build.1"), false))
                .isEmpty();
        assertThat(published().version(name("tools"), new Version("1.0.0+build.1"), true))
                .map(p -> p.registration().id())
                .contains(first.id());
        assertThat(published().version(name("tools"), new Version("1.0.0+BUILD.1"), true))
                .isEmpty();
    }

    // ---- serialisation -------------------------------------------------------------------------------------------

    @Test
    void a_second_transaction_locking_the_same_server_waits_until_the_first_ends() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean secondGotIt = new AtomicBoolean();
            Future<?> first = threads.submit(() -> transactions().inTransaction(() -> {
                published().lock(name("tools"));
                locked.countDown();
                await(release);
                return null;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> transactions().inTransaction(() -> {
                published().lock(name("tools"));
                secondGotIt.set(true);
                return null;
            }));

            assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(secondGotIt).isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(secondGotIt).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
