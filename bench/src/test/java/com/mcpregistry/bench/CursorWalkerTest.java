package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.bench.CursorWalker.AfterCreation;
import com.mcpregistry.bench.CursorWalker.AfterName;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorWalkerTest {

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_seed_api_cursor_reads_back_as_the_creation_time_in_microseconds_and_the_id() {
        AfterCreation after = AfterCreation.decode(token("1764567890123456|0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e"));

        assertThat(after.at()).isEqualTo("2025-12-01T05:44:50.123456Z");
        assertThat(after.id()).isEqualTo("0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e");
    }

    @Test
    void a_catalogue_cursor_reads_back_as_name_version_and_id() {
        AfterName after = AfterName.decode(token(
                "f=2&after=" + token("n1|com.contoso.team7/ledger-1234|1.3.0|0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e")));

        assertThat(after)
                .isEqualTo(new AfterName(
                        "com.contoso.team7/ledger-1234", "1.3.0", "0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e"));
    }
}
