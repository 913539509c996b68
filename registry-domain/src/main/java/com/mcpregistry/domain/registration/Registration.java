package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of one MCP server, as submitted and reviewed. Immutable: each workflow step returns the
 * registration it leads to together with its audit event. {@code rowVersion} counts the stored changes and is
 * what optimistic concurrency compares.
 */
public record Registration(
        RegistrationId id,
        ServerName serverName,
        Version version,
        ServerDetails details,
        UserId submitterId,
        RegistrationStatus status,
        Optional<Reason> statusReason,
        Optional<UserId> reviewedBy,
        Optional<Instant> reviewedAt,
        Instant createdAt,
        Instant updatedAt,
        long rowVersion,
        Optional<Instant> deletedAt) {

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(submitterId, "submitterId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        if (rowVersion < 1) {
            throw new IllegalArgumentException("rowVersion starts at 1");
        }
    }

    /** A new registration in {@code Pending}, submitted by {@code actor}. */
    public static Change submit(
            RegistrationId id,
            ServerName serverName,
            Version version,
            ServerDetails details,
            Actor actor,
            Instant now,
            Optional<String> requestId) {
        Registration submitted = new Registration(
                id,
                serverName,
                version,
                details,
                actor.userId(),
                RegistrationStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                now,
                1,
                Optional.empty());
        AuditEvent event = new AuditEvent(
                UUID.randomUUID(),
                now,
                Optional.of(actor.userId()),
                Action.SUBMIT.auditAction(),
                Optional.of(id),
                Optional.empty(),
                Optional.of(RegistrationStatus.PENDING),
                Optional.empty(),
                requestId,
                List.of());
        return new Change(submitted, event);
    }

    /** The registration's server.json: its name, its version and what it says the server is. */
    public ServerDocument document() {
        return new ServerDocument(serverName, version, details.definition());
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    /** Whether {@code actor} may see this registration, whose server {@code owners} own, by the {@link Visibility} rule. */
    public boolean isVisibleTo(Actor actor, Owners owners) {
        return Visibility.sees(actor, this, owners);
    }

    /** What {@code actor} may do with this registration now, its server owned by {@code owners}: none once deleted. */
    public List<Action> actionsOpenTo(Actor actor, Owners owners) {
        return isDeleted() ? List.of() : Workflow.openTo(status, actor, owners);
    }

    /**
     * An owner changes what they said; the registration goes (back) to {@code Pending} for a new review, with
     * no trace of the earlier one but in the history. An edit that changes no field is no change at all (empty), but
     * is refused exactly as a real edit would be.
     */
    public Optional<Change> edit(
            ServerDetails newDetails, Actor actor, Owners owners, Instant now, Optional<String> requestId) {
        Objects.requireNonNull(newDetails, "newDetails");
        List<FieldChange> changes = details.changesTo(newDetails);
        Change change = take(Action.EDIT, Optional.empty(), newDetails, changes, actor, owners, now, requestId);
        return changes.isEmpty() ? Optional.empty() : Optional.of(change);
    }

    /** A reviewer (or, to deprecate, an owner) moves the registration to {@code target}. */
    public Change changeStatus(
            RegistrationStatus target,
            Optional<Reason> reason,
            Actor actor,
            Owners owners,
            Instant now,
            Optional<String> requestId) {
        Action action = Workflow.actionReaching(status, target);
        return take(action, reason, details, List.of(), actor, owners, now, requestId);
    }

    /** Soft delete: the registration leaves every read but stays for the audit trail. */
    public Change delete(Actor actor, Owners owners, Instant now, Optional<String> requestId) {
        return take(Action.DELETE, Optional.empty(), details, List.of(), actor, owners, now, requestId);
    }

    /**
     * The registry itself deprecates this Approved version (its tools drifted from what the approval saw and
     * {@code DRIFT_ACTION} says to deprecate): no user acts, so the audit event names no actor.
     */
    public Change deprecatedByRegistry(Reason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (isDeleted() || status != RegistrationStatus.APPROVED) {
            throw new Conflict("only an approved version is deprecated by the registry");
        }
        Registration next = new Registration(
                id,
                serverName,
                version,
                details,
                submitterId,
                RegistrationStatus.DEPRECATED,
                Optional.of(reason),
                // No one reviewed it: the approval's reviewer and time stay, as the database keeps them together.
                reviewedBy,
                reviewedAt,
                createdAt,
                now,
                rowVersion + 1,
                deletedAt);
        AuditEvent event = new AuditEvent(
                UUID.randomUUID(),
                now,
                Optional.empty(),
                Action.DEPRECATE.auditAction(),
                Optional.of(id),
                Optional.of(status),
                Optional.of(RegistrationStatus.DEPRECATED),
                Optional.of(reason.value()),
                Optional.empty(),
                List.of());
        return new Change(next, event);
    }

    private Change take(
            Action action,
            Optional<Reason> reason,
            ServerDetails newDetails,
            List<FieldChange> changes,
            Actor actor,
            Owners owners,
            Instant now,
            Optional<String> requestId) {
        if (isDeleted()) {
            throw new Conflict("the registration is deleted");
        }
        Workflow.Transition transition = Workflow.permit(status, action, actor, owners);
        if (action.needsReason() && reason.isEmpty()) {
            throw InvalidInput.of("reason", "is required to " + action.wireName());
        }
        // What the action does to each field of the review is its row in Action's table.
        Registration next = new Registration(
                id,
                serverName,
                version,
                newDetails,
                submitterId,
                transition.to(),
                action.statusReason().apply(statusReason, reason),
                action.review().apply(reviewedBy, Optional.of(actor.userId())),
                action.review().apply(reviewedAt, Optional.of(now)),
                createdAt,
                now,
                rowVersion + 1,
                action.deletedAt().apply(deletedAt, Optional.of(now)));
        AuditEvent event = new AuditEvent(
                UUID.randomUUID(),
                now,
                Optional.of(actor.userId()),
                action.auditAction(),
                Optional.of(id),
                Optional.of(status),
                action.deletes() ? Optional.empty() : Optional.of(transition.to()),
                reason.map(Reason::value),
                requestId,
                changes);
        return new Change(next, event);
    }
}
