package com.mcpregistry.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerListTokenTest {

    private static final ServerListCursor AFTER =
            new ServerListCursor.ByName("com.contoso/ledger", "1.0.0", UUID.randomUUID());
    private static final ServerListFilters LEDGER_LATEST = new ServerListFilters(
            Optional.of("ledger & co = 100% ü"), Optional.of(new VersionSelector.Latest()), false, Optional.empty());

    @Test
    void a_token_reads_back_with_its_position_and_every_filter_of_its_list() {
        ServerListToken byName = new ServerListToken(AFTER, LEDGER_LATEST);
        ServerListToken byUpdate = new ServerListToken(
                new ServerListCursor.ByUpdate(Instant.parse("2025-03-01T09:00:00.123456Z"), UUID.randomUUID()),
                new ServerListFilters(
                        Optional.empty(),
                        Optional.of(new VersionSelector.Exact(new Version("1.0.0+build.5"))),
                        true,
                        Optional.of(Instant.parse("2025-01-01T00:00:00.000001Z"))));

        assertThat(ServerListToken.decode(byName.encode())).isEqualTo(byName);
        assertThat(ServerListToken.decode(byUpdate.encode())).isEqualTo(byUpdate);
        // VS Code appends the cursor to its URL unencoded.
        assertThat(byName.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anything_else_is_invalid_input_on_cursor() {
        String after = AFTER.encode();
        for (String token : new String[] {
            "",
            "not base64!",
            AFTER.encode(),
            encode("f=2"),
            encode("f=1&after=" + after),
            encode("f=2&after=" + after + "&after=" + after),
            encode("f=2&after=" + after + "&colour=blue"),
            encode("f=2&after=" + after + "&version=^1.0"),
            encode("f=2&after=" + after + "&since=soon"),
            encode("f=2&after=" + after + "&search=%00"),
            encode("f=2&after=not-a-position"),
        }) {
            assertThatThrownBy(() -> ServerListToken.decode(token))
                    .as(token)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        }
    }

    @Test
    void a_page_continued_with_only_the_cursor_keeps_the_filters_it_was_issued_for() {
        ServerListToken token = new ServerListToken(AFTER, LEDGER_LATEST);

        PublishedServerQuery next = PublishedServerQuery.of(
                new ServerListFilters(
                        Optional.empty(), Optional.of(new VersionSelector.Latest()), false, Optional.empty()),
                50,
                Optional.of(token));

        assertThat(next.filters()).isEqualTo(LEDGER_LATEST);
        assertThat(next.after()).contains(AFTER);
        assertThat(next.limit()).isEqualTo(50);
        assertThat(PublishedServerQuery.of(ServerListFilters.NONE, 10, Optional.of(token))
                        .filters())
                .isEqualTo(LEDGER_LATEST);
    }

    @Test
    void a_filter_the_request_states_must_be_the_one_the_cursor_was_issued_for() {
        ServerListToken token = new ServerListToken(AFTER, LEDGER_LATEST);

        for (ServerListFilters other : new ServerListFilters[] {
            new ServerListFilters(Optional.of("weather"), Optional.empty(), false, Optional.empty()),
            new ServerListFilters(
                    Optional.empty(),
                    Optional.of(new VersionSelector.Exact(new Version("1.0.0"))),
                    false,
                    Optional.empty()),
            new ServerListFilters(Optional.empty(), Optional.empty(), true, Optional.empty()),
            new ServerListFilters(Optional.empty(), Optional.empty(), false, Optional.of(Instant.EPOCH)),
        }) {
            assertThatThrownBy(() -> PublishedServerQuery.of(other, 10, Optional.of(token)))
                    .as(other.toString())
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.errors().get(0).field()).isEqualTo("cursor");
                        assertThat(e.errors().get(0).message()).contains("was issued for a list");
                    });
        }
        assertThat(PublishedServerQuery.of(LEDGER_LATEST, 10, Optional.of(token))
                        .filters())
                .isEqualTo(LEDGER_LATEST);
    }

    @Test
    void without_a_cursor_the_request_alone_says_what_the_list_holds() {
        PublishedServerQuery first = PublishedServerQuery.of(LEDGER_LATEST, 50, Optional.empty());

        assertThat(first.filters()).isEqualTo(LEDGER_LATEST);
        assertThat(first.after()).isEmpty();
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
