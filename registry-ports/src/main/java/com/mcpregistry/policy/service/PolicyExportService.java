package com.mcpregistry.policy.service;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.policy.ClientPolicy;
import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.domain.policy.PolicyStanding;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.policy.PolicyExport;
import com.mcpregistry.policy.port.in.ExportPolicyUseCase;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the registrations, their drift and the audit trail's newest event, and builds a client's lists of them. */
public final class PolicyExportService implements ExportPolicyUseCase {

    private static final AuditQuery NEWEST_EVENT = new AuditQuery(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.first(1));

    private final RegistrationRepository registrations;
    private final CheckRepository checks;
    private final AuditTrail auditTrail;
    private final Transactions transactions;

    public PolicyExportService(
            RegistrationRepository registrations,
            CheckRepository checks,
            AuditTrail auditTrail,
            Transactions transactions) {
        this.registrations = registrations;
        this.checks = checks;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
    }

    @Override
    public PolicyExport export(PolicyFormat format) {
        return transactions.inTransaction(() -> {
            // The state first: what is read after it is at least as new, so the state an export names never claims
            // a change its lists miss (a change made meanwhile shows in the next export, under a newer event).
            Optional<PolicyExport.State> state = auditTrail.find(NEWEST_EVENT).items().stream()
                    .findFirst()
                    .map(AuditEntry::event)
                    .map(event -> new PolicyExport.State(event.id(), event.at()));
            List<Registration> reviewed = registrations.findReviewedOrDeleted();
            return new PolicyExport(ClientPolicy.of(format, reviewed, drifted(reviewed)), state);
        });
    }

    /** Those of {@code reviewed} that would be allowed and one of whose remotes drifted since their approval. */
    private Set<RegistrationId> drifted(List<Registration> reviewed) {
        List<RegistrationId> allowed = reviewed.stream()
                .filter(r -> PolicyStanding.of(r, false) == PolicyStanding.ALLOWED)
                .map(Registration::id)
                .toList();
        return checks.statuses(allowed).entrySet().stream()
                .filter(remotes -> remotes.getValue().stream().anyMatch(RemoteStatus::drifted))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
