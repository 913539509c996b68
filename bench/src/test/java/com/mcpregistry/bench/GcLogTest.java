package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    /** A G1 log of JDK 17's -Xlog:gc, as serve writes it: the pause the benchmark asks for, then others, then its own. */
    static final List<String> LOG = List.of(
            "[0.016s][info][gc] Using G1",
            "[14.467s][info][gc] GC(11) Pause Full (Diagnostic Command) 32M->17M(47M) 222.545ms",
            "[17.191s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 34M->19M(47M) 12.191ms",
            "[18.002s][info][gc] GC(13) Pause Young (Concurrent Start) (G1 Evacuation Pause) 31M->20M(47M) 9.1ms",
            "[18.003s][info][gc] GC(14) Concurrent Mark Cycle",
            "[18.100s][info][gc] GC(14) Pause Remark 23M->23M(47M) 32.865ms",
            "[18.180s][info][gc] GC(14) Pause Cleanup 23M->23M(47M) 4.314ms",
            "[18.200s][info][gc] GC(14) Concurrent Mark Cycle 197.2ms",
            "[20.500s][info][gc] GC(15) Pause Full (Diagnostic Command) 40M->18M(47M) 190.1ms");

    @Test
    void each_pause_with_its_heap_before_and_after_is_read_and_the_rest_skipped() {
        assertThat(GcLog.pauses(LOG))
                .containsExactly(
                        new GcLog.Pause(32, 17),
                        new GcLog.Pause(34, 19),
                        new GcLog.Pause(31, 20),
                        new GcLog.Pause(23, 23),
                        new GcLog.Pause(23, 23),
                        new GcLog.Pause(40, 18));
    }

    @Test
    void what_was_allocated_between_two_pauses_is_each_heap_before_less_the_heap_after_the_one_before() {
        // 34-17, 31-19, 23-20, 23-23, 40-23
        assertThat(GcLog.allocatedMib(GcLog.pauses(LOG), 0, 5)).isEqualTo(17 + 12 + 3 + 0 + 17);
        assertThat(GcLog.allocatedMib(GcLog.pauses(LOG), 1, 2)).isEqualTo(12);
    }

    @Test
    void the_later_pause_comes_after_the_earlier_one() {
        assertThatThrownBy(() -> GcLog.allocatedMib(GcLog.pauses(LOG), 3, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GcLog.allocatedMib(GcLog.pauses(LOG), 0, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
