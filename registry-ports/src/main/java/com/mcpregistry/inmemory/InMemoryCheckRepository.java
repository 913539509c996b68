package com.mcpregistry.inmemory;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.inmemory.InMemoryDatabase.CheckedRemote;
import com.mcpregistry.inmemory.InMemoryDatabase.ScheduledCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
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

    private static final Comparator<Map.Entry<CheckedRemote, ScheduledCheck>> OLDEST_DUE_FIRST =
            Comparator.comparing(entry -> entry.getValue().nextDueAt());

    private final InMemoryDatabase db;

    InMemoryCheckRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void schedule(RegistrationId registration, String remoteUrl, RemoteTransport transport, Instant dueAt) {
        db.atomically(() -> {
            requireRegistration(registration);
            CheckedRemote remote = new CheckedRemote(registration, remoteUrl);
            ScheduledCheck scheduled = db.checkSchedule.get(remote);
            db.checkSchedule.put(
                    remote,
                    scheduled == null
                            ? new ScheduledCheck(transport, dueAt, 0, Optional.empty(), Optional.empty())
                            : new ScheduledCheck(
                                    transport,
                                    dueAt.isBefore(scheduled.nextDueAt()) ? dueAt : scheduled.nextDueAt(),
                                    scheduled.failuresInARow(),
                                    scheduled.leasedUntil(),
                                    scheduled.leasedBy()));
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
            List<CheckedRemote> due = db.checkSchedule.entrySet().stream()
                    .filter(entry -> entry.getValue().leasableAt(now))
                    .sorted(OLDEST_DUE_FIRST)
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
            List<DueCheck> leased = new ArrayList<>();
            for (CheckedRemote remote : due) {
                ScheduledCheck scheduled = db.checkSchedule.get(remote);
                ScheduledCheck leasedNow = new ScheduledCheck(
                        scheduled.transport(),
                        scheduled.nextDueAt(),
                        scheduled.failuresInARow(),
                        Optional.of(until),
                        Optional.of(instance));
                db.checkSchedule.put(remote, leasedNow);
                leased.add(leasedNow.leased(remote));
            }
            return leased;
        });
    }

    @Override
    public void record(RemoteCheck check, int failuresInARow, Instant nextDue, int keep) {
        db.atomically(() -> {
            requireRegistration(check.registrationId());
            CheckedRemote remote = new CheckedRemote(check.registrationId(), check.remoteUrl());
            db.remoteChecks.add(check);
            List<RemoteCheck> ofRemote = db.remoteChecks.stream()
                    .filter(kept -> remote.equals(new CheckedRemote(kept.registrationId(), kept.remoteUrl())))
                    .toList();
            List<RemoteCheck> newestFirst = newestFirst(ofRemote);
            // By identity: two checks may be equal records and only the older one go.
            Set<RemoteCheck> older = Collections.newSetFromMap(new IdentityHashMap<>());
            older.addAll(newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size()));
            db.remoteChecks.removeIf(older::contains);
            db.checkSchedule.computeIfPresent(
                    remote,
                    (key, scheduled) -> new ScheduledCheck(
                            scheduled.transport(), nextDue, failuresInARow, Optional.empty(), Optional.empty()));
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
    public void keepApprovalSnapshot(RegistrationId registration, String remoteUrl, ToolSet tools) {
        db.atomically(() -> {
            requireRegistration(registration);
            return db.approvalSnapshots.put(new CheckedRemote(registration, remoteUrl), tools);
        });
    }

    @Override
    public Optional<ToolSet> approvalSnapshot(RegistrationId registration, String remoteUrl) {
        return db.atomically(
                () -> Optional.ofNullable(db.approvalSnapshots.get(new CheckedRemote(registration, remoteUrl))));
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
