package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WireNamesTest {

    @Test
    void statuses_are_written_as_the_seed_writes_them() {
        assertThat(RegistrationStatus.parse("status", "Pending")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(RegistrationStatus.parse("status", "Approved")).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(RegistrationStatus.parse("status", "Rejected")).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(RegistrationStatus.parse("status", "Deprecated")).isEqualTo(RegistrationStatus.DEPRECATED);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            assertThat(RegistrationStatus.parse("status", status.label())).isEqualTo(status);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"approved", "APPROVED", "Deleted", "Active", " Pending"})
    void an_unknown_status_is_invalid_input(String raw) {
        assertRejected("status", () -> RegistrationStatus.parse("status", raw));
    }

    @Test
    void only_approved_and_deprecated_are_published() {
        assertThat(RegistrationStatus.APPROVED.isPublished()).isTrue();
        assertThat(RegistrationStatus.DEPRECATED.isPublished()).isTrue();
        assertThat(RegistrationStatus.PENDING.isPublished()).isFalse();
        assertThat(RegistrationStatus.REJECTED.isPublished()).isFalse();
    }

    @Test
    void transports_are_streamable_http_and_sse() {
        assertThat(RemoteTransport.parse("transport", "streamable-http")).isEqualTo(RemoteTransport.STREAMABLE_HTTP);
        assertThat(RemoteTransport.parse("transport", "sse")).isEqualTo(RemoteTransport.SSE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"stdio", "http", "SSE", "streamable_http"})
    void an_unknown_transport_is_invalid_input(String raw) {
        assertRejected("transport", () -> RemoteTransport.parse("transport", raw));
    }
}
