package com.mcpregistry.inmemory;

import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.inmemory.InMemoryDatabase.ApprovalSnapshot;
import com.mcpregistry.inmemory.InMemoryDatabase.RemoteKey;
import com.mcpregistry.inmemory.InMemoryDatabase.ScheduledCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link CheckRepository} in an {@link InMemoryDatabase}. Its one-at-a-time transactions make leasing atomic, as
 * {@code FOR UPDATE SKIP LOCKED} does on PostgreSQL; like the database's foreign keys, it refuses checks of
 * registrations it does not hold.
 */
public final class InMemoryCheckRepository implements CheckRepository {

    private static final Comparator<Map.Entry<RemoteKey, ScheduledCheck>> OLDEST_DUE_FIRST =
            Comparator.comparing(entry -> entry.getValue().nextDueAt().orElseThrow());

    private final InMemoryDatabase db;

    InMemoryCheckRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void schedule(RegistrationId registration, CheckedRemote remote, Instant dueAt, boolean periodic) {
        db.atomically(() -> {
            requireRegistration(registration);
            RemoteKey key = new RemoteKey(registration, remote.url());
            ScheduledCheck scheduled = db.checkSchedule.get(key);
            db.checkSchedule.put(
                    key,
                    scheduled == null
                            ? new ScheduledCheck(
                                    remote.transport(),
                                    Optional.of(dueAt),
                                    periodic,
                                    0,
                                    Health.UNKNOWN,
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty())
                            : scheduled.dueAt(
                                    remote.transport(),
                                    Optional.of(scheduled
                                            .nextDueAt()
                                            .filter(due -> due.isBefore(dueAt))
                                            .orElse(dueAt)),
                                    periodic));
            return null;
        });
    }

    @Override
    public void setPeriodic(RegistrationId registration, boolean periodic, Instant now) {
        db.atomically(() -> {
            db.checkSchedule.replaceAll((key, scheduled) -> !key.registrationId()
                            .equals(registration)
                    ? scheduled
                    : scheduled.dueAt(
                            scheduled.transport(),
                            periodic && scheduled.nextDueAt().isEmpty() ? Optional.of(now) : scheduled.nextDueAt(),
                            periodic));
            return null;
        });
    }

    @Override
    public void unschedule(RegistrationId registration) {
        db.atomically(() -> db.checkSchedule
                .keySet()
                .removeIf(remote -> remote.registrationId().equals(registration)));
    }

    @Override
    public List<DueCheck> lease(String instance, int limit, Instant now, Duration leaseFor) {
        Instant until = now.plus(leaseFor);
        return db.atomically(() -> {
            List<RemoteKey> due = db.checkSchedule.entrySet().stream()
                    .filter(entry -> entry.getValue().leasableAt(now))
                    .sorted(OLDEST_DUE_FIRST)
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
            List<DueCheck> leased = new ArrayList<>();
            for (RemoteKey remote : due) {
                ScheduledCheck leasedNow = db.checkSchedule.get(remote).leasedTo(instance, until);
                db.checkSchedule.put(remote, leasedNow);
                leased.add(leasedNow.due(remote));
            }
            return leased;
        });
    }

    @Override
    public List<DueCheck> scheduled(RegistrationId registration) {
        return db.atomically(() -> db.checkSchedule.entrySet().stream()
                .filter(entry -> entry.getKey().registrationId().equals(registration))
                .map(entry -> entry.getValue().due(entry.getKey()))
                .toList());
    }

    @Override
    public void record(RemoteCheck check, CheckOutcome outcome, int keep) {
        db.atomically(() -> {
            requireRegistration(check.registrationId());
            RemoteKey remote = new RemoteKey(check.registrationId(), check.remoteUrl());
            db.remoteChecks.add(check);
            List<RemoteCheck> ofRemote = db.remoteChecks.stream()
                    .filter(kept -> remote.equals(new RemoteKey(kept.registrationId(), kept.remoteUrl())))
                    .toList();
            List<RemoteCheck> newestFirst = newestFirst(ofRemote);
            // By identity: two checks may be equal records and only the older one go.
            Set<RemoteCheck> older = Collections.newSetFromMap(new IdentityHashMap<>());
            older.addAll(newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size()));
            db.remoteChecks.removeIf(older::contains);
            db.checkSchedule.computeIfPresent(remote, (key, scheduled) -> {
                boolean leaseHeld =
                        outcome.leasedBy().isEmpty() || outcome.leasedBy().equals(scheduled.leasedBy());
                if (!leaseHeld) {
                    return scheduled;
                }
                return new ScheduledCheck(
                        scheduled.transport(),
                        scheduled.periodic() ? Optional.of(outcome.nextDue()) : Optional.empty(),
                        scheduled.periodic(),
                        outcome.failuresInARow(),
                        outcome.health(),
                        Optional.of(check.checkedAt()),
                        Optional.of(check.report().latency()),
                        outcome.leasedBy().isEmpty() ? scheduled.leasedUntil() : Optional.empty(),
                        outcome.leasedBy().isEmpty() ? scheduled.leasedBy() : Optional.empty());
            });
            return null;
        });
    }

    @Override
    public List<RemoteCheck> recent(RegistrationId registration, int limit) {
        return db.atomically(() ->
                newestFirst(db.remoteChecks.stream()
                                .filter(check -> check.registrationId().equals(registration))
                                .toList())
                        .stream()
                        .limit(limit)
                        .toList());
    }

    @Override
    public Map<RegistrationId, List<RemoteStatus>> statuses(Collection<RegistrationId> registrations) {
        return db.atomically(() -> {
            Map<RegistrationId, List<RemoteStatus>> statuses = new LinkedHashMap<>();
            db.checkSchedule.forEach((key, scheduled) -> {
                if (registrations.contains(key.registrationId())) {
                    statuses.computeIfAbsent(key.registrationId(), id -> new ArrayList<>())
                            .add(new RemoteStatus(
                                    key.remoteUrl(),
                                    scheduled.health(),
                                    scheduled.lastCheckedAt(),
                                    scheduled.lastLatency(),
                                    Optional.ofNullable(db.approvalSnapshots.get(key))
                                            .flatMap(ApprovalSnapshot::driftSha256)
                                            .isPresent()));
                }
            });
            return statuses;
        });
    }

    @Override
    public void keepApprovalSnapshot(RegistrationId registration, String remoteUrl, ToolSet tools) {
        db.atomically(() -> {
            requireRegistration(registration);
            return db.approvalSnapshots.put(
                    new RemoteKey(registration, remoteUrl), new ApprovalSnapshot(tools, Optional.empty()));
        });
    }

    @Override
    public Optional<ToolSet> approvalSnapshot(RegistrationId registration, String remoteUrl) {
        return db.atomically(() -> Optional.ofNullable(db.approvalSnapshots.get(new RemoteKey(registration, remoteUrl)))
                .map(ApprovalSnapshot::tools));
    }

    @Override
    public boolean markDrift(RegistrationId registration, String remoteUrl, String toolsSha256, Instant at) {
        return db.atomically(() -> {
            RemoteKey key = new RemoteKey(registration, remoteUrl);
            ApprovalSnapshot snapshot = db.approvalSnapshots.get(key);
            if (snapshot == null || snapshot.driftSha256().equals(Optional.of(toolsSha256))) {
                return false;
            }
            db.approvalSnapshots.put(key, new ApprovalSnapshot(snapshot.tools(), Optional.of(toolsSha256)));
            return true;
        });
    }

    /** Newest first; of two checks at the same time, the one recorded later first (as the database's ids order them). */
    private List<RemoteCheck> newestFirst(List<RemoteCheck> checks) {
        List<RemoteCheck> newestFirst = new ArrayList<>(checks);
        Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparing(RemoteCheck::checkedAt).reversed());
        return newestFirst;
    }

    private void requireRegistration(RegistrationId registration) {
        if (!db.registrations.containsKey(registration)) {
            throw new Conflict("the change refers to something that does not exist");
        }
    }
}
