package com.mcpregistry.http.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.http.shared.IfNoneMatch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CacheableJsonTest {

    private static final String TAG = CacheableJson.etagOf("{\"servers\":[]}".getBytes(StandardCharsets.UTF_8));

    @Test
    void the_tag_is_weak_and_depends_only_on_the_body() {
        assertThat(TAG).matches("W/\"[A-Za-z0-9_-]{11}\"");
        assertThat(CacheableJson.etagOf("{\"servers\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(TAG);
        assertThat(CacheableJson.etagOf("{\"servers\":[{}]}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(TAG);
    }

    @Test
    void if_none_match_compares_weakly_within_a_list_and_star_matches_anything() {
        String strong = TAG.substring(2);

        assertThat(IfNoneMatch.matches(TAG, TAG)).isTrue();
        assertThat(IfNoneMatch.matches(strong, TAG)).isTrue();
        assertThat(IfNoneMatch.matches("\"a\", " + TAG + " ,\"b\"", TAG)).isTrue();
        assertThat(IfNoneMatch.matches("*", TAG)).isTrue();
        assertThat(IfNoneMatch.matches("W/\"other\"", TAG)).isFalse();
        assertThat(IfNoneMatch.matches("", TAG)).isFalse();
        assertThat(IfNoneMatch.matches(null, TAG)).isFalse();
    }
}
