package com.mcpregistry.postgres.limits;

import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.limits.port.out.QuotaCounts;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link QuotaCounts} on the {@code registrations} table, in the caller's transaction. Each count reads at most
 * {@code atMost} entries of an index made for it (changeset 015), however many the user or server name has.
 */
public final class JdbiQuotaCounts implements QuotaCounts {
    // A namespace of its own inside the advisory lock space of single bigint keys.
    private static final String LOCK =
            "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('mcp-submitter:' || CAST(:submitter AS text), 0))";
    private static final String PENDING = "SELECT count(*) FROM (SELECT 1 FROM registrations"
            + " WHERE submitter_id = :submitter AND status = 'Pending' AND deleted_at IS NULL LIMIT :at_most) AS pending";
    private static final String VERSIONS_SINCE = "SELECT count(*) FROM (SELECT 1 FROM registrations"
            + " WHERE server_name = :server_name AND created_at > :since LIMIT :at_most) AS versions";

    private final Jdbi jdbi;

    public JdbiQuotaCounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void lockSubmitter(UserId submitter) {
        // Joins the caller's transaction: the lock is held until that one ends.
        SqlErrors.translating(() -> jdbi.inTransaction(handle -> handle.createQuery(LOCK)
                .bind("submitter", submitter.value())
                .mapTo(Integer.class)
                .one()));
    }

    @Override
    public long pending(UserId submitter, long atMost) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(PENDING)
                .bind("submitter", submitter.value())
                .bind("at_most", atMost)
                .mapTo(Long.class)
                .one()));
    }

    @Override
    public long versionsSince(ServerName serverName, Instant since, long atMost) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(VERSIONS_SINCE)
                .bind("server_name", serverName.value())
                .bindByType("since", Timestamps.of(since), OffsetDateTime.class)
                .bind("at_most", atMost)
                .mapTo(Long.class)
                .one()));
    }
}
