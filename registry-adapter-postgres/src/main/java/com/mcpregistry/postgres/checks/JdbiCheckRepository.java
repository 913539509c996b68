package com.mcpregistry.postgres.checks;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CheckRepository} on {@code check_schedule}, {@code remote_checks} with {@code remote_check_tools}, and
 * {@code approval_snapshots} with {@code approval_snapshot_tools} (changeset 020). Leasing is one statement that locks
 * the due rows it takes with {@code FOR UPDATE SKIP LOCKED}, so instances leasing at once take disjoint rows without
 * waiting for each other. Each method joins the caller's transaction when there is one ({@code JdbiTransactions}).
 */
public final class JdbiCheckRepository implements CheckRepository {

    /** The key of a remote's rows: the URL's MD5, as the generated column {@code remote_url_md5} holds it. */
    private static final String REMOTE =
            "registration_id = :registration_id AND remote_url_md5 = md5(:remote_url)::uuid";

    private static final String SCHEDULE =
            "INSERT INTO check_schedule (registration_id, remote_url, transport, next_due_at)"
                    + " VALUES (:registration_id, :remote_url, :transport, :due_at)"
                    + " ON CONFLICT (registration_id, remote_url_md5) DO UPDATE"
                    + " SET transport = excluded.transport,"
                    + " next_due_at = least(check_schedule.next_due_at, excluded.next_due_at)";

    static final String LEASE = "UPDATE check_schedule SET leased_until = :leased_until, leased_by = :instance"
            + " WHERE (registration_id, remote_url_md5) IN ("
            + "SELECT registration_id, remote_url_md5 FROM check_schedule"
            + " WHERE next_due_at <= :now AND (leased_until IS NULL OR leased_until <= :now)"
            + " ORDER BY next_due_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
            + " RETURNING registration_id, remote_url, transport, failures_in_a_row, leased_until, next_due_at";

    private static final String INSERT_CHECK = "INSERT INTO remote_checks (registration_id, remote_url, checked_at,"
            + " outcome, latency_micros, protocol_version, server_name, server_version, capabilities, tools_sha256,"
            + " prompts, resources, authorization_servers, detail)"
            + " VALUES (:registration_id, :remote_url, :checked_at, :outcome, :latency_micros, :protocol_version,"
            + " :server_name, :server_version, :capabilities, :tools_sha256, :prompts, :resources,"
            + " :authorization_servers, :detail) RETURNING id";

    private static final String INSERT_CHECK_TOOLS = "INSERT INTO remote_check_tools (check_id, " + ToolRows.COLUMNS
            + ") SELECT :check_id, tools.* FROM (" + ToolRows.UNNEST + ") AS tools";

    private static final String AFTER_CHECK = "UPDATE check_schedule SET next_due_at = :next_due_at,"
            + " failures_in_a_row = :failures_in_a_row, leased_until = NULL, leased_by = NULL WHERE " + REMOTE;

    static final String TRIM = "DELETE FROM remote_checks WHERE id IN (SELECT id FROM remote_checks WHERE " + REMOTE
            + " ORDER BY checked_at DESC, id DESC OFFSET :keep)";

    static final String RECENT = "SELECT * FROM remote_checks WHERE registration_id = :registration_id"
            + " ORDER BY checked_at DESC, id DESC LIMIT :limit";

    private static final String TOOLS_OF_CHECKS = "SELECT check_id, " + ToolRows.COLUMNS
            + " FROM remote_check_tools WHERE check_id = ANY (:check_ids) ORDER BY check_id, position";

    private static final String KEEP_SNAPSHOT = "INSERT INTO approval_snapshots (registration_id, remote_url,"
            + " tools_sha256) VALUES (:registration_id, :remote_url, :tools_sha256)"
            + " ON CONFLICT (registration_id, remote_url_md5) DO UPDATE SET tools_sha256 = excluded.tools_sha256";

    private static final String FORGET_SNAPSHOT_TOOLS = "DELETE FROM approval_snapshot_tools WHERE " + REMOTE;

    private static final String INSERT_SNAPSHOT_TOOLS = "INSERT INTO approval_snapshot_tools (registration_id,"
            + " remote_url_md5, " + ToolRows.COLUMNS + ") SELECT :registration_id, md5(:remote_url)::uuid, tools.*"
            + " FROM (" + ToolRows.UNNEST + ") AS tools";

    private static final String SNAPSHOT_HASH = "SELECT tools_sha256 FROM approval_snapshots WHERE " + REMOTE;

    private static final String SNAPSHOT_TOOLS =
            "SELECT " + ToolRows.COLUMNS + " FROM approval_snapshot_tools WHERE " + REMOTE + " ORDER BY position";

    private final Jdbi jdbi;

    public JdbiCheckRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void schedule(RegistrationId registration, String remoteUrl, RemoteTransport transport, Instant dueAt) {
        SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createUpdate(SCHEDULE)
                .bind("registration_id", registration.value())
                .bind("remote_url", remoteUrl)
                .bind("transport", transport.wireName())
                .bindByType("due_at", Timestamps.of(dueAt), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public void unschedule(RegistrationId registration) {
        SqlErrors.translating(() -> jdbi.withHandle(
                handle -> handle.createUpdate("DELETE FROM check_schedule WHERE registration_id = :registration_id")
                        .bind("registration_id", registration.value())
                        .execute()));
    }

    /** A leased row, and when it was due: the order leases are given in. */
    private record Leased(DueCheck check, Instant dueAt) {}

    @Override
    public List<DueCheck> lease(String instance, int limit, Instant now, Duration leaseFor) {
        List<Leased> leased = SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(LEASE)
                .bind("instance", instance)
                .bind("limit", limit)
                .bindByType("now", Timestamps.of(now), OffsetDateTime.class)
                .bindByType("leased_until", Timestamps.of(now.plus(leaseFor)), OffsetDateTime.class)
                .map((rs, ctx) -> new Leased(
                        new DueCheck(
                                new RegistrationId(rs.getObject("registration_id", UUID.class)),
                                rs.getString("remote_url"),
                                RemoteTransport.parse("transport", rs.getString("transport")),
                                rs.getInt("failures_in_a_row"),
                                Timestamps.read(rs, "leased_until")),
                        Timestamps.read(rs, "next_due_at")))
                .list()));
        // RETURNING gives rows in no particular order.
        return leased.stream()
                .sorted(Comparator.comparing(Leased::dueAt))
                .map(Leased::check)
                .toList();
    }

    @Override
    public void record(RemoteCheck check, int failuresInARow, Instant nextDue, int keep) {
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
                    .bindByType("next_due_at", Timestamps.of(nextDue), OffsetDateTime.class)
                    .bind("failures_in_a_row", failuresInARow)
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
}
