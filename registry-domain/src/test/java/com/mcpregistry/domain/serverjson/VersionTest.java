package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void the_default_version_is_1_0_0() {
        assertThat(Version.DEFAULT.value()).isEqualTo("1.0.0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0.0",
                "0.0.1",
                "1.0.0-rc.1+build.5",
                "2.0.0-alpha",
                "2024.01.15",
                "1",
                "v2",
                "10.20.30-beta_2",
                "1.0.0+20130313144700",
                "1.0.0-xray",
                "1.0.0+x86",
                "x1.0",
            })
    void accepts_one_exact_version(String value) {
        assertThat(new Version(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "LATEST", "Latest", "lAtEsT"})
    void rejects_latest_in_any_case_because_the_registry_api_reserves_it(String value) {
        assertRejected("version", () -> new Version(value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^1.2",
                "~1",
                "~1.2.3",
                ">=1",
                ">1.0.0",
                "<2",
                "<=2.0",
                "=1.0.0",
                "1.x",
                "1.X",
                "1.2.x",
                "x",
                "x.1",
                "1.0.0-x",
                "1.0.0+X",
                "1.*",
                "*",
                "1.2 - 2",
                "1.0.0 - 2.0.0",
                "1 || 2",
                "1||2",
                "1.0.0 ",
                " 1.0.0",
                "1. 0",
                ".1.0",
                "-1.0",
                "1.0/2",
            })
    void rejects_ranges_wildcards_and_spaces(String value) {
        assertRejected("version", () -> new Version(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void a_version_is_required(String value) {
        assertRejected("version", () -> new Version(value));
    }

    @Test
    void two_hundred_fifty_five_characters_is_the_longest_version() {
        String longest = "1." + "0".repeat(253);
        assertThat(longest).hasSize(255);
        assertThat(new Version(longest).value()).isEqualTo(longest);

        assertRejected("version", () -> new Version(longest + "0"));
    }
}
