package com.mcpregistry.domain.audit;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditActionTest {

    @Test
    void the_wire_names_are_those_stored_and_hashed_since_the_first_release() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::wireName))
                .containsExactly(
                        "submit",
                        "edit",
                        "approve",
                        "reject",
                        "deprecate",
                        "reactivate",
                        "delete",
                        "admin_granted",
                        "admin_revoked",
                        "owner_added",
                        "owner_removed",
                        "server_transferred",
                        "namespace_claimed",
                        "namespace_released",
                        "tools_changed");
    }

    @Test
    void every_action_is_found_by_its_wire_name() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.fromWireName(action.wireName())).contains(action);
            assertThat(AuditAction.parse("action", action.wireName())).isEqualTo(action);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"APPROVE", "Approve", "approved", " approve", "ADMIN_GRANTED", "probe_1", "imported"})
    void an_unknown_action_is_not_found_and_is_invalid_input_naming_the_known_ones(String raw) {
        assertThat(AuditAction.fromWireName(raw)).isEmpty();
        assertRejected("action", () -> AuditAction.parse("action", raw));
        InvalidInput thrown = catchThrowableOfType(() -> AuditAction.parse("action", raw), InvalidInput.class);
        assertThat(thrown.errors().get(0).message())
                .isEqualTo("must be one of submit, edit, approve, reject, deprecate, reactivate, delete,"
                        + " admin_granted, admin_revoked, owner_added, owner_removed, server_transferred,"
                        + " namespace_claimed, namespace_released, tools_changed");
    }
}
