package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.postgres.audit.JdbiAuditTrail;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class RowsTest {

    @Test
    void pgbench_submits_under_the_audit_chains_own_advisory_lock() throws ReflectiveOperationException {
        // JdbiAuditTrail keeps its key package-private; the benchmark's copy is held to it here.
        Field chainLock = JdbiAuditTrail.class.getDeclaredField("CHAIN_LOCK");
        chainLock.setAccessible(true);

        assertThat(Rows.CHAIN_LOCK).isEqualTo(chainLock.getLong(null));
    }

    @Test
    void a_deep_page_is_whole_pages_of_100_short_of_the_last_page_when_the_list_is_shorter_than_asked() {
        assertThat(Rows.depth(8000, 10_000)).isEqualTo(7900);
        assertThat(Rows.depth(8450, 10_000)).isEqualTo(8300);
        assertThat(Rows.depth(800_000, 10_000)).isEqualTo(10_000);
    }
}
