package com.mcpregistry.domain.audit;

import com.mcpregistry.domain.WireNames;
import java.util.Optional;

/**
 * What an audit event records: a step of the registration workflow, a change to a user's administrator rights, to
 * a server's owners or to a namespace claim, or a drift of an approved version's tools that a check found.
 * The wire name is what the database stores, the JSON shows and the audit chain hashes; it never changes.
 */
public enum AuditAction {
    SUBMIT("submit"),
    EDIT("edit"),
    APPROVE("approve"),
    REJECT("reject"),
    DEPRECATE("deprecate"),
    REACTIVATE("reactivate"),
    DELETE("delete"),
    ADMIN_GRANTED("admin_granted"),
    ADMIN_REVOKED("admin_revoked"),
    OWNER_ADDED("owner_added"),
    OWNER_REMOVED("owner_removed"),
    SERVER_TRANSFERRED("server_transferred"),
    NAMESPACE_CLAIMED("namespace_claimed"),
    NAMESPACE_RELEASED("namespace_released"),
    /** A check found an approved version's tools changed from what its approval saw (the registry is the actor). */
    TOOLS_CHANGED("tools_changed");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the database, in JSON and in the audit chain's hashes: {@code submit}, {@code admin_granted}, … */
    public String wireName() {
        return wireName;
    }

    /** The action named {@code wireName}, if there is one. */
    public static Optional<AuditAction> fromWireName(String wireName) {
        return WireNames.find(values(), AuditAction::wireName, wireName);
    }

    /** The action a client named in {@code field}; an unknown name is invalid input listing the known ones. */
    public static AuditAction parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), AuditAction::wireName);
    }
}
