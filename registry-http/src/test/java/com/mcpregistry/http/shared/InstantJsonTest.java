package com.mcpregistry.http.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantJsonTest {

    private static String written(Instant instant) {
        return Json.write(Map.of("at", instant));
    }

    private static String iso(Instant instant) {
        return "{\"at\":\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"}";
    }

    @Test
    void an_instant_is_written_as_the_iso_formatter_writes_it_whatever_its_fraction() {
        for (String text : List.of(
                "1970-01-01T00:00:00Z",
                "2025-12-01T09:30:00Z",
                "2025-12-01T09:30:00.100Z",
                "2025-12-01T09:30:00.123456Z",
                "2025-12-01T09:30:00.000001Z",
                "2025-12-01T09:30:00.000000001Z",
                "2024-02-29T23:59:59.999999999Z",
                "9999-12-31T23:59:59.999999999Z")) {
            Instant instant = Instant.parse(text);
            assertThat(written(instant)).as(text).isEqualTo(iso(instant)).contains(text);
        }
    }

    @Test
    void instants_before_1970_and_after_9999_are_written_by_the_formatter() {
        for (Instant instant : List.of(
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN)) {
            assertThat(written(instant)).isEqualTo(iso(instant));
        }
    }

    @Test
    void ten_thousand_random_instants_read_the_same_as_the_formatter_writes_them() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 10_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(253_402_300_800L), nanos);
            assertThat(written(instant)).isEqualTo(iso(instant));
        }
    }
}
