package com.mcpregistry.domain;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static com.mcpregistry.domain.testing.UserTestData.aUser;

import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.EntraIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No text field accepts NUL, other C0/C1 control characters or lone surrogates, and each names itself. */
class ControlCharactersTest {

    private static final List<String> FORBIDDEN = List.of(
            "\u0000", "\u0001", "\t", "\n", "\r", "\u001B", "\u001F", "\u007F", "\u0085", "\u009F", "\uD800", "\uDC00",
            "\uFFFF");

    /** Each text field, with a way to build it around a given middle part. */
    private static final List<Arguments> FIELDS = List.of(
            field("server_name", s -> new ServerName("com.contoso/led" + s + "ger")),
            field("version", s -> new Version("1.0" + s + ".0")),
            field("title", s -> new Title("Ledger" + s + "tools")),
            field("description", s -> new Description("Posts" + s + "entries")),
            field("reason", s -> new Reason("Broken" + s + "endpoint")),
            field("owner_contact", s -> new OwnerContact("finance" + s + "@contoso.com")),
            field("endpoint_url", s -> HttpUrl.of("endpoint_url", "https://ledger.contoso.com/" + s + "mcp")),
            field("url", s -> new HttpUrl("https://ledger.contoso.com/" + s)),
            field("tags[0]", s -> new Tags(List.of("fin" + s + "ance"))),
            field("tid", s -> new EntraIdentity("tenant" + s, "object")),
            field("oid", s -> new EntraIdentity("tenant", "object" + s)),
            field("display_name", s -> user(Optional.empty(), "Alice" + s)),
            field("email", s -> user(Optional.of("alice" + s + "@contoso.com"), "Alice")));

    private static Arguments field(String name, Consumer<String> build) {
        return Arguments.of(name, build);
    }

    private static void user(Optional<String> email, String displayName) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        aUser().withIdentity(new EntraIdentity("t", "o"))
                .withEmail(email)
                .withDisplayName(displayName)
                .seenAt(now)
                .build();
    }

    static Stream<Arguments> everyFieldAndCharacter() {
        List<Arguments> cases = new ArrayList<>();
        for (Arguments field : FIELDS) {
            for (String character : FORBIDDEN) {
                Object[] f = field.get();
                cases.add(Arguments.of(f[0], String.format("U+%04X", (int) character.charAt(0)), f[1], character));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyFieldAndCharacter")
    void a_control_character_is_invalid_input_naming_the_field(
            String field, String codePoint, Consumer<String> build, String character) {
        assertRejected(field, () -> build.accept(character));
    }
}
