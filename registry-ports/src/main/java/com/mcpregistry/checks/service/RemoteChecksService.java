package com.mcpregistry.checks.service;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.RemoteTools;
import com.mcpregistry.checks.port.in.RemoteChecksUseCase;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ToolChanges;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.registration.service.RegistrationService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RemoteChecksUseCase} over the check repository. A check asked for runs at once in the caller's thread,
 * within the caps of a check per remote; it is recorded as a scheduled one is, without taking the lease of an
 * instance that may be running the same remote's check.
 */
public final class RemoteChecksService implements RemoteChecksUseCase {
    private final CheckRepository checks;
    private final Optional<CheckRunner> runner;
    private final RegistrationService registrations;

    /** {@code runner} is empty when this registry runs no checks. */
    public RemoteChecksService(
            CheckRepository checks, Optional<CheckRunner> runner, RegistrationService registrations) {
        this.checks = checks;
        this.runner = runner;
        this.registrations = registrations;
    }

    @Override
    public List<RemoteCheck> checkNow(Actor actor, RegistrationId id) {
        Registration registration = registrations.inspected(actor, id);
        CheckRunner running = runner.orElseThrow(() -> new Unavailable("this registry does not check remotes"));
        Map<String, DueCheck> scheduled = new LinkedHashMap<>();
        checks.scheduled(id).forEach(due -> scheduled.put(due.remoteUrl(), due));
        return remotesOf(registration).stream()
                .map(remote -> {
                    DueCheck known = scheduled.get(remote.url());
                    return running.run(known == null ? DueCheck.firstOf(id, remote) : known.unleased());
                })
                .toList();
    }

    @Override
    public List<RemoteCheck> recent(Actor actor, RegistrationId id, int limit) {
        registrations.inspected(actor, id);
        return checks.recent(id, limit);
    }

    @Override
    public List<RemoteTools> tools(Actor actor, RegistrationId id) {
        Registration registration = registrations.inspected(actor, id);
        List<RemoteCheck> recent = checks.recent(id, CheckRepository.KEPT_CHECKS);
        RegistrationHealth health = healthOf(registration, checks.statuses(List.of(id)));
        return health.remotes().stream()
                .map(status -> {
                    Optional<RemoteCheck> latest = RemoteCheck.latestReaching(recent, status.remoteUrl());
                    Optional<ToolSet> approval = checks.approvalSnapshot(id, status.remoteUrl());
                    ToolChanges changes = approval.isPresent() && latest.isPresent()
                            ? ToolChanges.between(
                                    approval.get(), latest.get().report().tools())
                            : ToolChanges.NONE;
                    return new RemoteTools(status, latest, approval, changes);
                })
                .toList();
    }

    @Override
    public Map<RegistrationId, RegistrationHealth> health(List<Registration> shown) {
        Map<RegistrationId, List<RemoteStatus>> statuses =
                checks.statuses(shown.stream().map(Registration::id).toList());
        Map<RegistrationId, RegistrationHealth> health = new LinkedHashMap<>();
        shown.forEach(registration -> health.put(registration.id(), healthOf(registration, statuses)));
        return health;
    }

    /** The status of each remote of {@code registration} the registry checks, unchecked ones included. */
    private static RegistrationHealth healthOf(
            Registration registration, Map<RegistrationId, List<RemoteStatus>> statuses) {
        List<RemoteStatus> known = statuses.getOrDefault(registration.id(), List.of());
        return new RegistrationHealth(remotesOf(registration).stream()
                .map(remote -> known.stream()
                        .filter(status -> status.remoteUrl().equals(remote.url()))
                        .findFirst()
                        .orElse(RemoteStatus.unchecked(remote.url())))
                .toList());
    }

    private static List<CheckedRemote> remotesOf(Registration registration) {
        return CheckedRemote.of(registration.details().definition());
    }
}
