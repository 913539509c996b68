package com.mcpregistry.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.paging.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerListCursorTest {

    @Test
    void a_cursor_of_either_order_reads_back_as_it_was_written() {
        ServerListCursor byName =
                new ServerListCursor.ByName("com.contoso/ledger-tools", "1.0.0-rc.1+build.5", UUID.randomUUID());
        ServerListCursor byUpdate =
                new ServerListCursor.ByUpdate(Instant.parse("2025-03-01T09:00:00.123456Z"), UUID.randomUUID());

        assertThat(ServerListCursor.decode(byName.encode())).isEqualTo(byName);
        assertThat(ServerListCursor.decode(byUpdate.encode())).isEqualTo(byUpdate);
        assertThat(byName.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anything_else_is_invalid_input_on_cursor() {
        for (String token : new String[] {
            "",
            "not base64!",
            encode("n1|only-a-name"),
            encode("u1|soon|" + UUID.randomUUID()),
            encode("x1|a|b|" + UUID.randomUUID()),
            encode("n1||1.0.0|" + UUID.randomUUID()),
            new Cursor(Instant.EPOCH, UUID.randomUUID()).encode()
        }) {
            assertThatThrownBy(() -> ServerListCursor.decode(token))
                    .as(token)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        }
    }

    @Test
    void latest_selects_the_latest_and_anything_else_must_be_one_exact_version() {
        assertThat(VersionSelector.parse("latest")).isEqualTo(new VersionSelector.Latest());
        assertThat(VersionSelector.parse("1.0.0+20130313144700"))
                .isEqualTo(new VersionSelector.Exact(new Version("1.0.0+20130313144700")));
        assertThatThrownBy(() -> VersionSelector.parse("^1.2")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> VersionSelector.parse("Latest")).isInstanceOf(InvalidInput.class);
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
