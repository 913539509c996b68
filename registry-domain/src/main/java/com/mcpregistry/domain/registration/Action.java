package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.registration.Action.Effect.CLEAR;
import static com.mcpregistry.domain.registration.Action.Effect.KEEP;
import static com.mcpregistry.domain.registration.Action.Effect.RECORD;

import com.mcpregistry.domain.audit.AuditAction;
import java.util.Optional;

/**
 * What can be done to a registration; each step of the workflow is one of these. Each action says here, as one row,
 * what it does to the fields that record the review: the status reason, the reviewer and review time, and the
 * deletion time. (Which statuses it leads from and to, and for whom, is {@link Workflow}'s table.)
 */
public enum Action {
    // Each row: the audit action, then what it does to the status reason, the review (by, at), the deletion time.
    SUBMIT(AuditAction.SUBMIT, CLEAR, CLEAR, CLEAR),
    // An edit starts a new review: no trace of the earlier one but in the history.
    EDIT(AuditAction.EDIT, CLEAR, CLEAR, CLEAR),
    APPROVE(AuditAction.APPROVE, CLEAR, RECORD, CLEAR),
    REJECT(AuditAction.REJECT, RECORD, RECORD, CLEAR),
    DEPRECATE(AuditAction.DEPRECATE, RECORD, RECORD, CLEAR),
    REACTIVATE(AuditAction.REACTIVATE, CLEAR, RECORD, CLEAR),
    // A soft delete keeps the last review and its reason, as they were, for the audit.
    DELETE(AuditAction.DELETE, KEEP, KEEP, RECORD);

    /** What an action does to one field: records the new value, keeps the current one, or clears it. */
    public enum Effect {
        RECORD,
        KEEP,
        CLEAR;

        /** The field's value after the action, from its {@code current} value and the {@code recorded} one. */
        public <T> Optional<T> apply(Optional<T> current, Optional<T> recorded) {
            return switch (this) {
                case RECORD -> recorded;
                case KEEP -> current;
                case CLEAR -> Optional.empty();
            };
        }
    }

    private final AuditAction audit;
    private final Effect statusReason;
    private final Effect review;
    private final Effect deletedAt;

    Action(AuditAction audit, Effect statusReason, Effect review, Effect deletedAt) {
        this.audit = audit;
        this.statusReason = statusReason;
        this.review = review;
        this.deletedAt = deletedAt;
    }

    /** The audit action that records this step. */
    public AuditAction auditAction() {
        return audit;
    }

    /** The name used in audit events, in JSON and in the database: the audit action's. */
    public String wireName() {
        return audit.wireName();
    }

    /** What this action does to the status reason: only the actions that need a reason record one. */
    public Effect statusReason() {
        return statusReason;
    }

    /** What this action does to the reviewer and the review time. */
    public Effect review() {
        return review;
    }

    /** What this action does to the deletion time. */
    public Effect deletedAt() {
        return deletedAt;
    }

    /** Whether the workflow insists on a reason for this action: those that record it on the registration. */
    public boolean needsReason() {
        return statusReason == Effect.RECORD;
    }

    /** Whether this action is a review: it records who reviewed and when (approve, reject, deprecate, reactivate). */
    public boolean isReview() {
        return review == Effect.RECORD;
    }

    /**
     * Whether this action is a verdict on what the submitter said (approve, reject): one the submitter's edits could
     * slip under, so it names the version it was decided on where that is required.
     */
    public boolean isVerdict() {
        return this == APPROVE || this == REJECT;
    }

    /** Whether this action deletes the registration (softly: it leaves every read, its status stays). */
    public boolean deletes() {
        return deletedAt == Effect.RECORD;
    }
}
