package com.mcpregistry.domain.registration;

/** What can be done to a registration; each step of the workflow is one of these. */
public enum Action {
    SUBMIT("submit"),
    EDIT("edit"),
    APPROVE("approve"),
    REJECT("reject"),
    DEPRECATE("deprecate"),
    REACTIVATE("reactivate"),
    DELETE("delete");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in audit events, in JSON and in the database. */
    public String wireName() {
        return wireName;
    }

    /** Whether the workflow insists on a reason for this action. */
    public boolean needsReason() {
        return this == REJECT || this == DEPRECATE;
    }
}
