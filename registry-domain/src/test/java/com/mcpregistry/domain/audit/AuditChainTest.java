package com.mcpregistry.domain.audit;

import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static com.mcpregistry.domain.testing.AuditEventTestData.from;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final String PREVIOUS = "ab".repeat(32);

    private static final AuditEvent EVENT = anAuditEvent()
            .withId(UUID.fromString("11111111-2222-3333-4444-555555555555"))
            .at(Instant.parse("2025-03-01T10:15:30.123456Z"))
            .by(new UserId(UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001")))
            .withAction(AuditAction.REJECT)
            .about(new RegistrationId(UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002")))
            .from(RegistrationStatus.PENDING)
            .to(RegistrationStatus.REJECTED)
            .withReason("endpoint unreachable")
            .withRequestId("req-1")
            .build();

    private static AuditEvent reason(Optional<String> reason, Optional<String> requestId) {
        return from(EVENT).withReason(reason).withRequestId(requestId).build();
    }

    @Test
    void the_hash_is_deterministic_lower_case_hex_sha256() {
        String hash = AuditChain.unkeyedHash(PREVIOUS, EVENT);

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(AuditChain.unkeyedHash(PREVIOUS, EVENT)).isEqualTo(hash);
        AuditEvent copy = reason(EVENT.reason(), EVENT.requestId());
        assertThat(AuditChain.unkeyedHash(PREVIOUS, copy)).isEqualTo(hash);
    }

    @Test
    void the_chain_starts_from_sixty_four_zeros() {
        assertThat(AuditChain.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void changing_the_previous_hash_changes_the_hash() {
        assertThat(AuditChain.unkeyedHash(AuditChain.GENESIS, EVENT))
                .isNotEqualTo(AuditChain.unkeyedHash(PREVIOUS, EVENT));
        assertThat(AuditChain.unkeyedHash("ac".repeat(32), EVENT))
                .isNotEqualTo(AuditChain.unkeyedHash(PREVIOUS, EVENT));
    }

    @Test
    void changing_any_field_changes_the_hash() {
        List<UnaryOperator<AuditEvent>> changes = List.of(
                x -> from(x).withId(UUID.randomUUID()).build(),
                x -> from(x).at(x.at().plus(1, ChronoUnit.MICROS)).build(),
                x -> from(x).by(UserId.random()).build(),
                x -> from(x).by(Optional.empty()).build(),
                x -> from(x).withAction(AuditAction.APPROVE).build(),
                x -> from(x).about(RegistrationId.random()).build(),
                x -> from(x).about(Optional.empty()).build(),
                x -> from(x).from(RegistrationStatus.REJECTED).build(),
                x -> from(x).from(Optional.empty()).build(),
                x -> from(x).to(RegistrationStatus.APPROVED).build(),
                x -> from(x).to(Optional.empty()).build(),
                x -> reason(Optional.of("endpoint unreachable!"), x.requestId()),
                x -> reason(Optional.empty(), x.requestId()),
                x -> reason(x.reason(), Optional.of("req-2")),
                x -> reason(x.reason(), Optional.empty()));

        Set<String> hashes = new HashSet<>();
        hashes.add(AuditChain.unkeyedHash(PREVIOUS, EVENT));
        List<String> changed = new ArrayList<>();
        for (UnaryOperator<AuditEvent> change : changes) {
            changed.add(AuditChain.unkeyedHash(PREVIOUS, change.apply(EVENT)));
        }
        hashes.addAll(changed);

        assertThat(hashes)
                .as("the original and every single-field change hash differently")
                .hasSize(1 + changes.size());
    }

    @Test
    void an_absent_value_and_an_empty_string_never_collide() {
        assertThat(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.empty(), Optional.of("r"))))
                .isNotEqualTo(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.of(""), Optional.of("r"))));
        assertThat(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.of("x"), Optional.empty())))
                .isNotEqualTo(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.of("x"), Optional.of(""))));
    }

    @Test
    void an_absent_value_and_a_dash_never_collide() {
        assertThat(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.empty(), Optional.empty())))
                .isNotEqualTo(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.of("-"), Optional.of("-"))));
    }

    @Test
    void text_moving_between_reason_and_request_id_never_collides() {
        assertThat(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.of("a\nb"), Optional.of("c"))))
                .isNotEqualTo(AuditChain.unkeyedHash(PREVIOUS, reason(Optional.of("a"), Optional.of("b\nc"))));
    }

    @Test
    void an_event_without_changes_hashes_exactly_as_events_did_before_changes_were_recorded() {
        // Hashes computed by AuditChain before events carried changed fields: chains stored then must still verify.
        assertThat(AuditChain.unkeyedHash(PREVIOUS, EVENT))
                .isEqualTo("06fc31cce5db6e0905290e22cc8b41dce8bab2b0d59a182c5d35e650e81f5ad0");
        AuditEvent bare = anAuditEvent()
                .withId(EVENT.id())
                .at(EVENT.at())
                .withAction(AuditAction.ADMIN_GRANTED)
                .build();
        assertThat(AuditChain.unkeyedHash(AuditChain.GENESIS, bare))
                .isEqualTo("52bfc21d83c81b825ece45e1581818b70a77e7cba7c53785588c1d49384c52ac");
    }

    private static AuditEvent edit(List<FieldChange> changes) {
        return from(EVENT)
                .withAction(AuditAction.EDIT)
                .withReason(Optional.empty())
                .withChanges(changes)
                .build();
    }

    @Test
    void the_changed_fields_are_covered_by_the_hash() {
        FieldChange title = FieldChange.of("title", Optional.of("Old"), Optional.of("New"));
        List<AuditEvent> events = List.of(
                edit(List.of()),
                edit(List.of(title)),
                edit(List.of(FieldChange.of("title", Optional.of("Old"), Optional.of("Newer")))),
                edit(List.of(FieldChange.of("title", Optional.of("Older"), Optional.of("New")))),
                edit(List.of(FieldChange.of("description", Optional.of("Old"), Optional.of("New")))),
                edit(List.of(FieldChange.of("title", Optional.empty(), Optional.of("New")))),
                edit(List.of(FieldChange.of("title", Optional.of("Old"), Optional.empty()))),
                edit(List.of(FieldChange.secret("title"))),
                edit(List.of(title, FieldChange.of("tags", Optional.empty(), Optional.of("a")))),
                edit(List.of(FieldChange.of("tags", Optional.empty(), Optional.of("a")), title)));

        Set<String> hashes = new HashSet<>();
        events.forEach(event -> hashes.add(AuditChain.unkeyedHash(PREVIOUS, event)));

        assertThat(hashes).hasSize(events.size());
    }

    @Test
    void text_moving_between_a_changed_fields_old_and_new_value_never_collides() {
        assertThat(AuditChain.unkeyedHash(
                        PREVIOUS, edit(List.of(FieldChange.of("title", Optional.of("a b"), Optional.of("c"))))))
                .isNotEqualTo(AuditChain.unkeyedHash(
                        PREVIOUS, edit(List.of(FieldChange.of("title", Optional.of("a"), Optional.of("b c"))))));
    }

    @Test
    void a_secret_field_is_recorded_by_name_only() {
        FieldChange secret = FieldChange.secret("api_key");

        assertThat(secret.oldValue()).isEmpty();
        assertThat(secret.newValue()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new FieldChange("api_key", true, Optional.of("s3cret"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
