package com.mcpregistry.policy;

import com.mcpregistry.domain.policy.ClientPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A client policy as the registry exports it, with the registry state it was read at: the newest audit event then
 * (none in a registry that has recorded no event yet). Every change the policy reflects (a review, a deletion, a
 * drift) is audited, so two exports of one state name the same event.
 */
public record PolicyExport(ClientPolicy policy, Optional<State> state) {

    public PolicyExport {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(state, "state");
    }

    /** The registry's state, named by its newest audit event and that event's time. */
    public record State(UUID auditEventId, Instant at) {
        public State {
            Objects.requireNonNull(auditEventId, "auditEventId");
            Objects.requireNonNull(at, "at");
        }
    }
}
