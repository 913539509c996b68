package com.mcpregistry.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditKeyTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final String SECRET_BASE64 = Base64.getEncoder().encodeToString(SECRET);

    @Test
    void a_key_is_read_from_id_colon_base64_secret() {
        AuditKey key = AuditKey.parse("2025-06:" + SECRET_BASE64);

        assertThat(key.id()).isEqualTo("2025-06");
        assertThat(key).isEqualTo(AuditKey.of("2025-06", SECRET));
        assertThat(AuditKey.parse(key.written())).isEqualTo(key);
    }

    @Test
    void url_safe_base64_and_missing_padding_are_read_too() {
        byte[] secret = new byte[33];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0xF8 + i);
        }
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);

        assertThat(urlSafe).containsAnyOf("-", "_");
        assertThat(AuditKey.parse("k1:" + urlSafe)).isEqualTo(AuditKey.of("k1", secret));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "no-colon-at-all",
                ":MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "key with spaces:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "k1:c2hvcnQtc2VjcmV0",
                "k1:not*base64*at*all!!",
                "k1:"
            })
    void a_malformed_or_short_key_is_refused_without_repeating_its_secret(String written) {
        assertThatThrownBy(() -> AuditKey.parse(written))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("c2hvcnQtc2VjcmV0", "not*base64", "MDEyMzQ1Njc4OWFiY2Rl"));
    }

    @Test
    void the_secret_is_never_shown() {
        AuditKey key = AuditKey.of("k1", SECRET);

        assertThat(key.toString()).isEqualTo("AuditKey[k1]").doesNotContain(SECRET_BASE64);
        assertThat(AuditKeys.of(key).toString()).doesNotContain(SECRET_BASE64);
    }

    @Test
    void random_keys_differ() {
        assertThat(AuditKey.random("dev")).isNotEqualTo(AuditKey.random("dev"));
        assertThat(AuditKey.random("dev").id()).isEqualTo("dev");
    }

    @Test
    void a_key_ring_finds_current_and_previous_keys_by_id_and_refuses_an_id_twice() {
        AuditKey current = AuditKey.random("k2");
        AuditKey previous = AuditKey.random("k1");
        AuditKeys keys = AuditKeys.of(Optional.of(current), List.of(previous));

        assertThat(keys.current()).contains(current);
        assertThat(keys.find("k1")).contains(previous);
        assertThat(keys.find("k2")).contains(current);
        assertThat(keys.find("k3")).isEmpty();
        assertThat(AuditKeys.none().current()).isEmpty();
        assertThatThrownBy(() -> AuditKeys.of(Optional.of(current), List.of(AuditKey.random("k2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k2' is given twice");
    }
}
