package com.mcpregistry.inmemory;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainCheck;
import com.mcpregistry.audit.ChainLink;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AuditTrail} over an {@link InMemoryDatabase}. */
public final class InMemoryAuditTrail implements AuditTrail {

    private static final Comparator<AuditEvent> NEWEST_FIRST = Comparator.comparing(AuditEvent::at)
            .thenComparing(AuditEvent::id, Cursor::compareIds)
            .reversed();

    private final InMemoryDatabase db;
    private final AuditChain chain;

    InMemoryAuditTrail(InMemoryDatabase db, AuditChain chain) {
        this.db = db;
        this.chain = chain;
    }

    @Override
    public void append(AuditEvent event) {
        db.atomically(() -> {
            AuditChain.Link previous = newest().orElse(new AuditChain.Link(Optional.empty(), AuditChain.GENESIS));
            AuditChain.Link link = chain.link(previous.hash(), previous.keyId(), event);
            db.auditEvents.add(new ChainLink(event, previous.hash(), link.keyId(), link.hash()));
            return null;
        });
    }

    @Override
    public Page<AuditEntry> find(AuditQuery query) {
        return db.atomically(() -> Page.of(
                events().stream()
                        .filter(e -> query.actor()
                                .map(a -> e.actorId().equals(Optional.of(a)))
                                .orElse(true))
                        .filter(e -> query.action().map(a -> e.action() == a).orElse(true))
                        .filter(e -> query.registration()
                                .map(r -> e.registrationId().equals(Optional.of(r)))
                                .orElse(true))
                        .filter(e -> query.since().map(s -> !e.at().isBefore(s)).orElse(true))
                        .sorted(NEWEST_FIRST)
                        .filter(e -> query.page()
                                .after()
                                .map(c -> c.isFollowedBy(e.at(), e.id()))
                                .orElse(true))
                        .limit(query.page().limit() + 1L)
                        .map(this::withActor)
                        .toList(),
                query.page().limit(),
                entry -> new Cursor(entry.event().at(), entry.event().id())));
    }

    @Override
    public List<AuditEntry> history(RegistrationId registration) {
        return db.atomically(() -> events().stream()
                .filter(e -> e.registrationId().equals(Optional.of(registration)))
                .map(this::withActor)
                .toList());
    }

    /** What PostgreSQL's join does: the actor's profile from the users the same database holds. */
    private AuditEntry withActor(AuditEvent event) {
        return new AuditEntry(event, event.actorId().map(db.users::get).map(User::profile));
    }

    @Override
    public ChainVerification verify(List<AuditCheckpoint> checkpoints) {
        return db.atomically(() -> {
            ChainCheck check = new ChainCheck(chain, checkpoints);
            for (ChainLink link : db.auditEvents) {
                if (!check.next(link)) {
                    break;
                }
            }
            return check.result();
        });
    }

    @Override
    public AuditHead head() {
        return db.atomically(() -> {
            if (db.auditEvents.isEmpty()) {
                return AuditHead.empty();
            }
            return new AuditHead(
                    db.auditEvents.size(),
                    db.auditEvents.get(db.auditEvents.size() - 1).hash());
        });
    }

    @Override
    public Optional<AuditChain.Link> newest() {
        return db.atomically(() -> db.auditEvents.isEmpty()
                ? Optional.empty()
                : Optional.of(db.auditEvents.get(db.auditEvents.size() - 1))
                        .map(last -> new AuditChain.Link(last.keyId(), last.hash())));
    }

    @Override
    public AuditChain chain() {
        return chain;
    }

    private List<AuditEvent> events() {
        return db.auditEvents.stream().map(ChainLink::event).toList();
    }
}
