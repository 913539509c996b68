package com.mcpregistry.checks.service;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ToolChanges;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.registration.service.RegistrationService;
import com.mcpregistry.transaction.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges each check that reached an Approved version's remote against what the version's approval saw. Tools that
 * differ (by their SHA-256) are a drift: the remote is marked drifted, a {@code tools_changed} audit event names
 * what changed tool by tool, and under {@link DriftAction#DEPRECATE} the version is deprecated with that as its
 * reason, in the same transaction. A drift is recorded once per tool set: the next check that finds the same tools
 * records nothing more, one that finds other tools again records again. An approval with no snapshot (no check had
 * reached the remote) takes the first check after it as its snapshot.
 */
public final class DriftWatch {
    private final RegistrationRepository registrations;
    private final PublishedServers published;
    private final CheckRepository checks;
    private final AuditTrail auditTrail;
    private final Transactions transactions;
    private final RegistrationService registrationService;
    private final DriftAction action;

    public DriftWatch(
            RegistrationRepository registrations,
            PublishedServers published,
            CheckRepository checks,
            AuditTrail auditTrail,
            Transactions transactions,
            RegistrationService registrationService,
            DriftAction action) {
        this.registrations = registrations;
        this.published = published;
        this.checks = checks;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
        this.registrationService = registrationService;
        this.action = action;
    }

    /** Judges {@code check}: the changes it found if it found a new drift. */
    public Optional<ToolChanges> judge(RemoteCheck check) {
        if (check.report().outcome() != ProbeOutcome.REACHABLE) {
            return Optional.empty();
        }
        Optional<Registration> read = registrations.findById(check.registrationId());
        if (read.isEmpty() || !approved(read.get())) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> {
            // The server's lock first, as every write that may change what is published takes it.
            published.lock(read.get().serverName());
            Optional<Registration> current =
                    registrations.findById(check.registrationId()).filter(DriftWatch::approved);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            ToolSet found = check.report().tools();
            Optional<ToolSet> approval = checks.approvalSnapshot(check.registrationId(), check.remoteUrl());
            if (approval.isEmpty()) {
                checks.keepApprovalSnapshot(check.registrationId(), check.remoteUrl(), found);
                return Optional.empty();
            }
            if (approval.get().sha256().equals(found.sha256())
                    || !checks.markDrift(
                            check.registrationId(), check.remoteUrl(), found.sha256(), check.checkedAt())) {
                return Optional.empty();
            }
            ToolChanges changes = ToolChanges.between(approval.get(), found);
            String reason = "tools of " + check.remoteUrl() + " changed since approval: " + changes.summary();
            Reason cut = new Reason(
                    reason.length() <= Reason.MAX_LENGTH ? reason : reason.substring(0, Reason.MAX_LENGTH - 1) + "…");
            auditTrail.append(new AuditEvent(
                    UUID.randomUUID(),
                    check.checkedAt(),
                    Optional.empty(),
                    AuditAction.TOOLS_CHANGED,
                    Optional.of(check.registrationId()),
                    Optional.of(RegistrationStatus.APPROVED),
                    Optional.of(RegistrationStatus.APPROVED),
                    Optional.of(cut.value()),
                    Optional.empty(),
                    List.of()));
            if (action == DriftAction.DEPRECATE) {
                registrationService.deprecateForDrift(check.registrationId(), cut);
            }
            return Optional.of(changes);
        });
    }

    private static boolean approved(Registration registration) {
        return !registration.isDeleted() && registration.status() == RegistrationStatus.APPROVED;
    }
}
