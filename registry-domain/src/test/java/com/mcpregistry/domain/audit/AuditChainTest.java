package com.mcpregistry.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.registration.RegistrationId;
import com.mcpregistry.domain.registration.RegistrationStatus;
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

    private static final AuditEvent EVENT = new AuditEvent(
            UUID.fromString("11111111-2222-3333-4444-555555555555"),
            Instant.parse("2025-03-01T10:15:30.123456Z"),
            Optional.of(new UserId(UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001"))),
            "reject",
            Optional.of(new RegistrationId(UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002"))),
            Optional.of(RegistrationStatus.PENDING),
            Optional.of(RegistrationStatus.REJECTED),
            Optional.of("endpoint unreachable"),
            Optional.of("req-1"));

    private static AuditEvent with(
            UUID id,
            Instant at,
            Optional<UserId> actor,
            String action,
            Optional<RegistrationId> registration,
            Optional<RegistrationStatus> from,
            Optional<RegistrationStatus> to,
            Optional<String> reason,
            Optional<String> requestId) {
        return new AuditEvent(id, at, actor, action, registration, from, to, reason, requestId);
    }

    private static AuditEvent reason(Optional<String> reason, Optional<String> requestId) {
        AuditEvent e = EVENT;
        return with(
                e.id(),
                e.at(),
                e.actorId(),
                e.action(),
                e.registrationId(),
                e.fromStatus(),
                e.toStatus(),
                reason,
                requestId);
    }

    @Test
    void the_hash_is_deterministic_lower_case_hex_sha256() {
        String hash = AuditChain.hash(PREVIOUS, EVENT);

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(AuditChain.hash(PREVIOUS, EVENT)).isEqualTo(hash);
        AuditEvent copy = reason(EVENT.reason(), EVENT.requestId());
        assertThat(AuditChain.hash(PREVIOUS, copy)).isEqualTo(hash);
    }

    @Test
    void the_chain_starts_from_sixty_four_zeros() {
        assertThat(AuditChain.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void changing_the_previous_hash_changes_the_hash() {
        assertThat(AuditChain.hash(AuditChain.GENESIS, EVENT)).isNotEqualTo(AuditChain.hash(PREVIOUS, EVENT));
        assertThat(AuditChain.hash("ac".repeat(32), EVENT)).isNotEqualTo(AuditChain.hash(PREVIOUS, EVENT));
    }

    @Test
    void changing_any_field_changes_the_hash() {
        AuditEvent e = EVENT;
        List<UnaryOperator<AuditEvent>> changes = List.of(
                x -> with(
                        UUID.randomUUID(),
                        e.at(),
                        e.actorId(),
                        e.action(),
                        e.registrationId(),
                        e.fromStatus(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at().plus(1, ChronoUnit.MICROS),
                        e.actorId(),
                        e.action(),
                        e.registrationId(),
                        e.fromStatus(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        Optional.of(UserId.random()),
                        e.action(),
                        e.registrationId(),
                        e.fromStatus(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        Optional.empty(),
                        e.action(),
                        e.registrationId(),
                        e.fromStatus(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        e.actorId(),
                        "approve",
                        e.registrationId(),
                        e.fromStatus(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        e.actorId(),
                        e.action(),
                        Optional.of(RegistrationId.random()),
                        e.fromStatus(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        e.actorId(),
                        e.action(),
                        Optional.empty(),
                        e.fromStatus(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        e.actorId(),
                        e.action(),
                        e.registrationId(),
                        Optional.of(RegistrationStatus.REJECTED),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        e.actorId(),
                        e.action(),
                        e.registrationId(),
                        Optional.empty(),
                        e.toStatus(),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        e.actorId(),
                        e.action(),
                        e.registrationId(),
                        e.fromStatus(),
                        Optional.of(RegistrationStatus.APPROVED),
                        e.reason(),
                        e.requestId()),
                x -> with(
                        e.id(),
                        e.at(),
                        e.actorId(),
                        e.action(),
                        e.registrationId(),
                        e.fromStatus(),
                        Optional.empty(),
                        e.reason(),
                        e.requestId()),
                x -> reason(Optional.of("endpoint unreachable!"), e.requestId()),
                x -> reason(Optional.empty(), e.requestId()),
                x -> reason(e.reason(), Optional.of("req-2")),
                x -> reason(e.reason(), Optional.empty()));

        Set<String> hashes = new HashSet<>();
        hashes.add(AuditChain.hash(PREVIOUS, EVENT));
        List<String> changed = new ArrayList<>();
        for (UnaryOperator<AuditEvent> change : changes) {
            changed.add(AuditChain.hash(PREVIOUS, change.apply(EVENT)));
        }
        hashes.addAll(changed);

        assertThat(hashes)
                .as("the original and every single-field change hash differently")
                .hasSize(1 + changes.size());
    }

    @Test
    void an_absent_value_and_an_empty_string_never_collide() {
        assertThat(AuditChain.hash(PREVIOUS, reason(Optional.empty(), Optional.of("r"))))
                .isNotEqualTo(AuditChain.hash(PREVIOUS, reason(Optional.of(""), Optional.of("r"))));
        assertThat(AuditChain.hash(PREVIOUS, reason(Optional.of("x"), Optional.empty())))
                .isNotEqualTo(AuditChain.hash(PREVIOUS, reason(Optional.of("x"), Optional.of(""))));
    }

    @Test
    void an_absent_value_and_a_dash_never_collide() {
        assertThat(AuditChain.hash(PREVIOUS, reason(Optional.empty(), Optional.empty())))
                .isNotEqualTo(AuditChain.hash(PREVIOUS, reason(Optional.of("-"), Optional.of("-"))));
    }

    @Test
    void text_moving_between_reason_and_request_id_never_collides() {
        assertThat(AuditChain.hash(PREVIOUS, reason(Optional.of("a\nb"), Optional.of("c"))))
                .isNotEqualTo(AuditChain.hash(PREVIOUS, reason(Optional.of("a"), Optional.of("b\nc"))));
    }
}
