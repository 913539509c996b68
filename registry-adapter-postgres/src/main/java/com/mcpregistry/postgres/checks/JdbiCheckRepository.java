package com.mcpregistry.postgres.checks;

import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CheckRepository} on {@code check_schedule}, {@code remote_checks} with {@code remote_check_tools}, and
 * {@code approval_snapshots} with {@code approval_snapshot_tools} (changesets 020 and 021). Leasing is one statement
 * that locks the due rows it takes with {@code FOR UPDATE SKIP LOCKED}, so instances leasing at once take disjoint rows
 * without waiting for each other. Scheduled remotes come in the order they were scheduled ({@code scheduled_order}): a
 * registration's in its document's order, and checks due at the same time in that order. Each method joins the
 * caller's transaction when there is one ({@code JdbiTransactions}).
 */
public final class JdbiCheckRepository implements CheckRepository {

    /** The key of a remote's rows: the URL's MD5, as the generated column {@code remote_url_md5} holds it. */
    private static final String REMOTE =
            "registration_id = :registration_id AND remote_url_md5 = md5(:remote_url)::uuid";

    /** A remote due at the earlier of the two times; NULL (not due) is later than any, and {@code least} skips it. */
    private static final String SCHEDULE =
            "INSERT INTO check_schedule (registration_id, remote_url, transport, next_due_at, periodic)"
                    + " VALUES (:registration_id, :remote_url, :transport, :due_at, :periodic)"
                    + " ON CONFLICT (registration_id, remote_url_md5) DO UPDATE"
                    + " SET transport = excluded.transport,"
                    + " next_due_at = least(check_schedule.next_due_at, excluded.next_due_at),"
                    + " periodic = excluded.periodic";

    private static final String SET_PERIODIC = "UPDATE check_schedule SET periodic = :periodic,"
            + " next_due_at = CASE WHEN :periodic AND next_due_at IS NULL THEN :now ELSE next_due_at END"
            + " WHERE registration_id = :registration_id";

    /** The columns a {@link DueCheck} is read from. */
    private static final String DUE_CHECK_COLUMNS = "registration_id, remote_url, transport, failures_in_a_row, health,"
            + " leased_by, leased_until, next_due_at, scheduled_order";

    static final String LEASE = "UPDATE check_schedule SET leased_until = :leased_until, leased_by = :instance"
            + " WHERE (registration_id, remote_url_md5) IN ("
            + "SELECT registration_id, remote_url_md5 FROM check_schedule"
            + " WHERE next_due_at <= :now AND (leased_until IS NULL OR leased_until <= :now)"
            + " ORDER BY next_due_at, scheduled_order LIMIT :limit FOR UPDATE SKIP LOCKED)"
            + " RETURNING " + DUE_CHECK_COLUMNS;

    private static final String SCHEDULED = "SELECT " + DUE_CHECK_COLUMNS
            + " FROM check_schedule WHERE registration_id = :registration_id ORDER BY scheduled_order";

    private static final String INSERT_CHECK = "INSERT INTO remote_checks (registration_id, remote_url, checked_at,"
            + " outcome, latency_micros, protocol_version, server_name, server_version, capabilities, tools_sha256,"
            + " prompts, resources, authorization_servers, detail)"
            + " VALUES (:registration_id, :remote_url, :checked_at, :outcome, :latency_micros, :protocol_version,"
            + " :server_name, :server_version, :capabilities, :tools_sha256, :prompts, :resources,"
            + " :authorization_servers, :detail) RETURNING id";

    private static final String INSERT_CHECK_TOOLS = "INSERT INTO remote_check_tools (check_id, " + ToolRows.COLUMNS
            + ") SELECT :check_id, tools.* FROM (" + ToolRows.UNNEST + ") AS tools";

    /**
     * The schedule after a check: only while the lease the check ran under is still its instance's (or it ran under
     * none), due again only if periodic; the lease it ran under ends, one it did not run under stays.
     */
    private static final String AFTER_CHECK = "UPDATE check_schedule"
            + " SET next_due_at = CASE WHEN periodic THEN CAST(:next_due_at AS timestamptz) END,"
            + " failures_in_a_row = :failures_in_a_row, health = :health,"
            + " last_checked_at = :checked_at, last_latency_micros = :latency_micros,"
            + " leased_until = CASE WHEN CAST(:leased_by AS text) IS NULL THEN leased_until END,"
            + " leased_by = CASE WHEN CAST(:leased_by AS text) IS NULL THEN leased_by END"
            + " WHERE " + REMOTE + " AND (CAST(:leased_by AS text) IS NULL OR leased_by = :leased_by)";

    static final String TRIM = "DELETE FROM remote_checks WHERE id IN (SELECT id FROM remote_checks WHERE " + REMOTE
            + " ORDER BY checked_at DESC, id DESC OFFSET :keep)";

    static final String RECENT = "SELECT * FROM remote_checks WHERE registration_id = :registration_id"
            + " ORDER BY checked_at DESC, id DESC LIMIT :limit";

    private static final String TOOLS_OF_CHECKS = "SELECT check_id, " + ToolRows.COLUMNS
            + " FROM remote_check_tools WHERE check_id = ANY (:check_ids) ORDER BY check_id, position";

    static final String STATUSES = "SELECT s.registration_id, s.remote_url, s.health, s.last_checked_at,"
            + " s.last_latency_micros, a.drift_sha256 IS NOT NULL AS drifted"
            + " FROM check_schedule AS s LEFT JOIN approval_snapshots AS a"
            + " ON a.registration_id = s.registration_id AND a.remote_url_md5 = s.remote_url_md5"
            + " WHERE s.registration_id = ANY (:registration_ids) ORDER BY s.scheduled_order";

    /** A new snapshot of what an approval saw: no drift from it yet. */
    private static final String KEEP_SNAPSHOT = "INSERT INTO approval_snapshots (registration_id, remote_url,"
            + " tools_sha256) VALUES (:registration_id, :remote_url, :tools_sha256)"
            + " ON CONFLICT (registration_id, remote_url_md5) DO UPDATE SET tools_sha256 = excluded.tools_sha256,"
            + " drift_sha256 = NULL, drifted_at = NULL";

    private static final String FORGET_SNAPSHOT_TOOLS = "DELETE FROM approval_snapshot_tools WHERE " + REMOTE;

    private static final String INSERT_SNAPSHOT_TOOLS = "INSERT INTO approval_snapshot_tools (registration_id,"
            + " remote_url_md5, " + ToolRows.COLUMNS + ") SELECT :registration_id, md5(:remote_url)::uuid, tools.*"
            + " FROM (" + ToolRows.UNNEST + ") AS tools";

    private static final String SNAPSHOT_HASH = "SELECT tools_sha256 FROM approval_snapshots WHERE " + REMOTE;

    private static final String SNAPSHOT_TOOLS =
            "SELECT " + ToolRows.COLUMNS + " FROM approval_snapshot_tools WHERE " + REMOTE + " ORDER BY position";

    /** A new drift: a remote with a snapshot, not marked drifted to these tools already. */
    private static final String MARK_DRIFT = "UPDATE approval_snapshots SET drift_sha256 = :drift_sha256,"
            + " drifted_at = :drifted_at WHERE " + REMOTE + " AND drift_sha256 IS DISTINCT FROM :drift_sha256"
            + " RETURNING true";

    private final Jdbi jdbi;

    public JdbiCheckRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void schedule(RegistrationId registration, CheckedRemote remote, Instant dueAt, boolean periodic) {
        SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createUpdate(SCHEDULE)
                .bind("registration_id", registration.value())
                .bind("remote_url", remote.url())
                .bind("transport", remote.transport().wireName())
                .bindByType("due_at", Timestamps.of(dueAt), OffsetDateTime.class)
                .bind("periodic", periodic)
                .execute()));
    }

    @Override
    public void setPeriodic(RegistrationId registration, boolean periodic, Instant now) {
        SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createUpdate(SET_PERIODIC)
                .bind("registration_id", registration.value())
                .bind("periodic", periodic)
                .bindByType("now", Timestamps.of(now), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public void unschedule(RegistrationId registration) {
        SqlErrors.translating(() -> jdbi.withHandle(
                handle -> handle.createUpdate("DELETE FROM check_schedule WHERE registration_id = :registration_id")
                        .bind("registration_id", registration.value())
                        .execute()));
    }

    /** A schedule row, when it is due and where it was scheduled: the order leases are given in. */
    private record Scheduled(DueCheck check, Optional<Instant> dueAt, long order) {}

    private static final Comparator<Scheduled> OLDEST_DUE_FIRST = Comparator.comparing(
                    (Scheduled scheduled) -> scheduled.dueAt().orElseThrow())
            .thenComparingLong(Scheduled::order);

    @Override
    public List<DueCheck> lease(String instance, int limit, Instant now, Duration leaseFor) {
        List<Scheduled> leased = SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(LEASE)
                .bind("instance", instance)
                .bind("limit", limit)
                .bindByType("now", Timestamps.of(now), OffsetDateTime.class)
                .bindByType("leased_until", Timestamps.of(now.plus(leaseFor)), OffsetDateTime.class)
                .map((rs, ctx) -> scheduled(rs))
                .list()));
        // RETURNING gives rows in no particular order.
        return leased.stream().sorted(OLDEST_DUE_FIRST).map(Scheduled::check).toList();
    }

    @Override
    public List<DueCheck> scheduled(RegistrationId registration) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(SCHEDULED)
                .bind("registration_id", registration.value())
                .map((rs, ctx) -> scheduled(rs).check())
                .list()));
    }

    private static Scheduled scheduled(ResultSet rs) throws SQLException {
        return new Scheduled(
                new DueCheck(
                        new RegistrationId(rs.getObject("registration_id", UUID.class)),
                        new CheckedRemote(
                                rs.getString("remote_url"),
                                RemoteTransport.parse("transport", rs.getString("transport"))),
                        rs.getInt("failures_in_a_row"),
                        Health.parse("health", rs.getString("health")),
                        Optional.ofNullable(rs.getString("leased_by")),
                        Timestamps.readOptional(rs, "leased_until")),
                Timestamps.readOptional(rs, "next_due_at"),
                rs.getLong("scheduled_order"));
    }

    @Override
    public void record(RemoteCheck check, CheckOutcome outcome, int keep) {
        ProbeReport report = check.report();
        SqlErrors.translating(() -> jdbi.inTransaction(handle -> {
            long id = handle.createQuery(INSERT_CHECK)
                    .bind("registration_id", check.registrationId().value())
                    .bind("remote_url", check.remoteUrl())
                    .bindByType("checked_at", Timestamps.of(check.checkedAt()), OffsetDateTime.class)
                    .bind("outcome", report.outcome().wireName())
                    .bind("latency_micros", micros(report.latency()))
                    .bind("protocol_version", report.protocolVersion().orElse(null))
                    .bind(
                            "server_name",
                            report.serverInfo().map(ServerInfo::name).orElse(null))
                    .bind(
                            "server_version",
                            report.serverInfo().map(ServerInfo::version).orElse(null))
                    .bind("capabilities", report.capabilities().orElse(null))
                    .bind("tools_sha256", report.tools().sha256())
                    .bind("prompts", report.prompts())
                    .bind("resources", report.resources())
                    .bindArray("authorization_servers", String.class, report.authorizationServers())
                    .bind("detail", report.detail().orElse(null))
                    .mapTo(Long.class)
                    .one();
            if (!report.tools().tools().isEmpty()) {
                ToolRows.bind(handle.createUpdate(INSERT_CHECK_TOOLS), report.tools())
                        .bind("check_id", id)
                        .execute();
            }
            handle.createUpdate(AFTER_CHECK)
                    .bind("registration_id", check.registrationId().value())
                    .bind("remote_url", check.remoteUrl())
                    .bindByType("next_due_at", Timestamps.of(outcome.nextDue()), OffsetDateTime.class)
                    .bind("failures_in_a_row", outcome.failuresInARow())
                    .bind("health", outcome.health().wireName())
                    .bindByType("checked_at", Timestamps.of(check.checkedAt()), OffsetDateTime.class)
                    .bind("latency_micros", micros(report.latency()))
                    .bind("leased_by", outcome.leasedBy().orElse(null))
                    .execute();
            return handle.createUpdate(TRIM)
                    .bind("registration_id", check.registrationId().value())
                    .bind("remote_url", check.remoteUrl())
                    .bind("keep", keep)
                    .execute();
        }));
    }

    /** A check row, before its tools are read. */
    private record CheckRow(
            long id, RegistrationId registrationId, String remoteUrl, Instant checkedAt, Report report) {}

    /** A check row's report fields but its tools. */
    private record Report(
            ProbeOutcome outcome,
            Duration latency,
            Optional<String> protocolVersion,
            Optional<ServerInfo> serverInfo,
            Optional<String> capabilities,
            int prompts,
            int resources,
            List<String> authorizationServers,
            Optional<String> detail) {

        ProbeReport with(ToolSet tools) {
            return new ProbeReport(
                    outcome,
                    latency,
                    protocolVersion,
                    serverInfo,
                    capabilities,
                    tools,
                    prompts,
                    resources,
                    authorizationServers,
                    detail);
        }
    }

    @Override
    public List<RemoteCheck> recent(RegistrationId registration, int limit) {
        return SqlErrors.translating(() -> jdbi.inTransaction(handle -> {
            List<CheckRow> rows = handle.createQuery(RECENT)
                    .bind("registration_id", registration.value())
                    .bind("limit", limit)
                    .map((rs, ctx) -> checkRow(rs))
                    .list();
            Map<Long, List<Tool>> tools =
                    toolsOf(handle, rows.stream().map(CheckRow::id).toList());
            return rows.stream()
                    .map(row -> new RemoteCheck(
                            row.registrationId(),
                            row.remoteUrl(),
                            row.checkedAt(),
                            row.report().with(new ToolSet(tools.getOrDefault(row.id(), List.of())))))
                    .toList();
        }));
    }

    private static Map<Long, List<Tool>> toolsOf(Handle handle, List<Long> checks) {
        Map<Long, List<Tool>> tools = new HashMap<>();
        if (checks.isEmpty()) {
            return tools;
        }
        handle.createQuery(TOOLS_OF_CHECKS)
                .bindArray("check_ids", Long.class, checks)
                .map((rs, ctx) -> Map.entry(rs.getLong("check_id"), ToolRows.read(rs)))
                .forEach(row -> tools.computeIfAbsent(row.getKey(), id -> new ArrayList<>())
                        .add(row.getValue()));
        return tools;
    }

    private static CheckRow checkRow(ResultSet rs) throws SQLException {
        String serverName = rs.getString("server_name");
        Optional<ServerInfo> serverInfo = serverName == null
                ? Optional.empty()
                : Optional.of(new ServerInfo(serverName, rs.getString("server_version")));
        return new CheckRow(
                rs.getLong("id"),
                new RegistrationId(rs.getObject("registration_id", UUID.class)),
                rs.getString("remote_url"),
                Timestamps.read(rs, "checked_at"),
                new Report(
                        ProbeOutcome.parse("outcome", rs.getString("outcome")),
                        Duration.of(rs.getLong("latency_micros"), ChronoUnit.MICROS),
                        Optional.ofNullable(rs.getString("protocol_version")),
                        serverInfo,
                        Optional.ofNullable(rs.getString("capabilities")),
                        rs.getInt("prompts"),
                        rs.getInt("resources"),
                        strings(rs.getArray("authorization_servers")),
                        Optional.ofNullable(rs.getString("detail"))));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    /** Whole microseconds, as PostgreSQL keeps time. */
    private static long micros(Duration duration) {
        return duration.getSeconds() * 1_000_000 + duration.getNano() / 1_000;
    }

    /** A row of {@link #STATUSES}: the status of one remote of a registration. */
    private record StatusRow(RegistrationId registrationId, RemoteStatus status) {}

    @Override
    public Map<RegistrationId, List<RemoteStatus>> statuses(Collection<RegistrationId> registrations) {
        Map<RegistrationId, List<RemoteStatus>> statuses = new LinkedHashMap<>();
        if (registrations.isEmpty()) {
            return statuses;
        }
        List<UUID> ids = registrations.stream().map(RegistrationId::value).toList();
        List<StatusRow> rows = SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(STATUSES)
                .bindArray("registration_ids", UUID.class, ids)
                .map((rs, ctx) -> new StatusRow(
                        new RegistrationId(rs.getObject("registration_id", UUID.class)),
                        new RemoteStatus(
                                rs.getString("remote_url"),
                                Health.parse("health", rs.getString("health")),
                                Timestamps.readOptional(rs, "last_checked_at"),
                                Optional.ofNullable(rs.getObject("last_latency_micros", Long.class))
                                        .map(micros -> Duration.of(micros, ChronoUnit.MICROS)),
                                rs.getBoolean("drifted"))))
                .list()));
        rows.forEach(row -> statuses.computeIfAbsent(row.registrationId(), id -> new ArrayList<>())
                .add(row.status()));
        return statuses;
    }

    @Override
    public void keepApprovalSnapshot(RegistrationId registration, String remoteUrl, ToolSet tools) {
        SqlErrors.translating(() -> jdbi.inTransaction(handle -> {
            handle.createUpdate(KEEP_SNAPSHOT)
                    .bind("registration_id", registration.value())
                    .bind("remote_url", remoteUrl)
                    .bind("tools_sha256", tools.sha256())
                    .execute();
            handle.createUpdate(FORGET_SNAPSHOT_TOOLS)
                    .bind("registration_id", registration.value())
                    .bind("remote_url", remoteUrl)
                    .execute();
            return ToolRows.bind(handle.createUpdate(INSERT_SNAPSHOT_TOOLS), tools)
                    .bind("registration_id", registration.value())
                    .bind("remote_url", remoteUrl)
                    .execute();
        }));
    }

    @Override
    public Optional<ToolSet> approvalSnapshot(RegistrationId registration, String remoteUrl) {
        return SqlErrors.translating(() -> jdbi.inTransaction(handle -> {
            Optional<String> sha256 = handle.createQuery(SNAPSHOT_HASH)
                    .bind("registration_id", registration.value())
                    .bind("remote_url", remoteUrl)
                    .mapTo(String.class)
                    .findOne();
            if (sha256.isEmpty()) {
                return Optional.<ToolSet>empty();
            }
            ToolSet tools = new ToolSet(handle.createQuery(SNAPSHOT_TOOLS)
                    .bind("registration_id", registration.value())
                    .bind("remote_url", remoteUrl)
                    .map((rs, ctx) -> ToolRows.read(rs))
                    .list());
            // What drift is judged against must be what the approval saw, or nothing.
            if (!tools.sha256().equals(sha256.get())) {
                throw new IllegalStateException("the approval snapshot of " + registration + " " + remoteUrl
                        + " does not hash to the SHA-256 kept with it");
            }
            return Optional.of(tools);
        }));
    }

    @Override
    public boolean markDrift(RegistrationId registration, String remoteUrl, String toolsSha256, Instant at) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(MARK_DRIFT)
                .bind("registration_id", registration.value())
                .bind("remote_url", remoteUrl)
                .bind("drift_sha256", toolsSha256)
                .bindByType("drifted_at", Timestamps.of(at), OffsetDateTime.class)
                .mapTo(Boolean.class)
                .findOne()
                .isPresent()));
    }
}
