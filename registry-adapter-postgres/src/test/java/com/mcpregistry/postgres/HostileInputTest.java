package com.mcpregistry.postgres;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static com.mcpregistry.domain.testing.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends ends as stored text or as InvalidInput, never as a driver error. */
class HostileInputTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final PostgresAdapters adapters = database.adapters();
    private User submitter;

    @BeforeEach
    void givenASubmitter() {
        submitter = adapters.users().save(Fixtures.user());
    }

    static Stream<Supplier<Object>> everyTextValueWithANul() {
        String nul = "a\u0000b";
        return Stream.of(
                () -> new Title(nul),
                () -> new Description(nul),
                () -> new HttpUrl("https://example.com/" + nul),
                () -> new OwnerContact("a\u0000@example.com"),
                () -> new ServerName("com.example/" + nul),
                () -> new Version("1.0.0" + nul),
                () -> new Reason(nul),
                () -> new Tags(List.of(nul)),
                () -> new EntraIdentity(nul, "oid"),
                () -> new EntraIdentity("tid", nul),
                () -> aUser().withEmail(Optional.of(nul)).withDisplayName("n").build(),
                () -> aUser().withEmail(Optional.empty()).withDisplayName(nul).build());
    }

    @ParameterizedTest
    @MethodSource("everyTextValueWithANul")
    void a_nul_in_any_stored_text_is_invalid_input_before_it_reaches_the_database(Supplier<Object> value) {
        assertThatThrownBy(value::get).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'; DROP TABLE registrations; --",
                "%_\\",
                "\\%",
                "ﬁ ß İ ı ǅ",
                "\u202Eevil\u202C",
                "🚀🚀🚀",
                "\uD800",
                "*)(&|"
            })
    void hostile_search_text_is_only_text(String search) {
        // Searched as text, or refused as a term without three letters or digits in a row: nothing else.
        assertThatCode(() -> {
                    try {
                        adapters.registrations()
                                .find(new RegistrationQuery(
                                        Fixtures.visibleToAnAdministrator(),
                                        Optional.empty(),
                                        Optional.of(search),
                                        PageRequest.first(10)));
                    } catch (InvalidInput refused) {
                        assertThat(refused.errors())
                                .extracting(FieldError::field)
                                .containsOnly("search");
                    }
                })
                .doesNotThrowAnyException();
        assertThat(adapters.registrations()
                        .find(new RegistrationQuery(
                                Fixtures.visibleToAnAdministrator(),
                                Optional.empty(),
                                Optional.empty(),
                                PageRequest.first(1)))
                        .items())
                .as("the table is still there")
                .isNotNull();
    }

    @Test
    void a_very_long_search_finds_nothing_and_fails_nothing() {
        assertThat(adapters.registrations()
                        .find(new RegistrationQuery(
                                Fixtures.visibleToAnAdministrator(),
                                Optional.empty(),
                                Optional.of("x".repeat(20_000)),
                                PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    @Test
    void a_nul_in_the_search_is_invalid_input() {
        assertThatThrownBy(() -> adapters.registrations()
                        .find(new RegistrationQuery(
                                Fixtures.visibleToAnAdministrator(),
                                Optional.empty(),
                                Optional.of("ledger\u0000"),
                                PageRequest.first(10))))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("search");
    }

    @Test
    void a_nul_in_an_email_or_object_id_lookup_is_invalid_input() {
        assertThatThrownBy(() -> adapters.users().findByObjectIdOrVerifiedEmail("admin@example.com\u0000"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_nul_in_audit_text_is_invalid_input_and_nothing_is_appended() {
        RegistrationId registration = RegistrationId.random();
        AuditEvent withNul = anAuditEvent()
                .at(T0)
                .withAction(AuditAction.SUBMIT)
                .about(registration)
                .withReason("reason\u0000")
                .withRequestId("req\u0000")
                .build();

        assertThatThrownBy(() -> adapters.auditTrail().append(withNul)).isInstanceOf(InvalidInput.class);
        assertThat(adapters.auditTrail().history(registration)).isEmpty();
    }

    @Test
    void every_audit_action_is_of_the_form_the_database_allows_and_reads_back_as_itself() {
        // An action is one of AuditAction's now: nothing else can reach the audit_log_action_format check.
        RegistrationId registration = RegistrationId.random();
        List<AuditEvent> events = Arrays.stream(AuditAction.values())
                .map(action -> Fixtures.event(UserId.random(), action, Optional.of(registration), T0))
                .toList();

        events.forEach(adapters.auditTrail()::append);

        assertThat(adapters.auditTrail().history(registration))
                .extracting(AuditEntry::event)
                .containsExactlyElementsOf(events);
    }

    @Test
    void a_cursor_beyond_the_databases_time_range_is_invalid_input() {
        Cursor farFuture = new Cursor(Instant.parse("+300000-01-01T00:00:00Z"), UUID.randomUUID());

        assertThatThrownBy(() -> adapters.auditTrail()
                        .find(new AuditQuery(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                new PageRequest(5, Optional.of(farFuture)))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void hostile_but_valid_text_is_stored_and_read_back_exactly() {
        String namespace = Fixtures.namespace();
        ServerDetails details = someDetails()
                .withTitle("Robert'); DROP TABLE registrations;-- \\ % _ \" ` $$")
                .withDescription("\u202Eright-to-left\u202C ﬁ ß İ 🚀 <script>alert(1)</script>")
                .withEndpointUrl("https://" + namespace + ".example.com/mcp?q='%22;--&x=%00")
                .withOwnerContact("o'hara+tag@example.com")
                .withTags("'; --", "%", "_", "\\", "🚀")
                .build();
        Registration registration =
                Fixtures.pending(submitter.id(), namespace + "/hostile", "1.0.0-rc.1+build.5", details, T0);
        User user = aUser().withIdentity(new EntraIdentity("tenant'--", "oid\\%_"))
                .withEmail(Optional.of("o'hara@example.com"))
                .withVerifiedEmail(Optional.of("o'hara@example.com"))
                .withDisplayName("Robert'); DROP TABLE users;--")
                .seenAt(T0)
                .build();

        adapters.registrations().insert(registration);
        adapters.users().save(user);

        assertThat(adapters.registrations().findById(registration.id())).contains(registration);
        assertThat(adapters.users().findByIdentity(user.identity())).contains(user);
        assertThat(adapters.users().findByObjectIdOrVerifiedEmail("O'HARA@example.com"))
                .containsExactly(user);
        assertThat(adapters.registrations()
                        .find(new RegistrationQuery(
                                Fixtures.mineOf(submitter.id()),
                                Optional.empty(),
                                Optional.of("DROP TABLE registrations;-- \\ % _"),
                                PageRequest.first(10)))
                        .items())
                .containsExactly(registration);
    }
}
