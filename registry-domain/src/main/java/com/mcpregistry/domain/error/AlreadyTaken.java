package com.mcpregistry.domain.error;

import java.util.Objects;

/**
 * A registration would break one of the uniqueness rules: its server name and version, or one of its remote URLs or packages, belongs to
 * another registration. Said in words the caller may read: only someone who may see that other registration is told
 * which one it is.
 */
public final class AlreadyTaken extends Conflict {

    /** The uniqueness rule a registration broke. */
    public enum Rule {
        /** A (server name, version) is one registration's, for good: a version is never reused. */
        NAME_AND_VERSION,
        /** A remote URL or package belongs to one server name (its versions may share it). */
        LOCATOR
    }

    private final Rule rule;

    public AlreadyTaken(Rule rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public Rule rule() {
        return rule;
    }
}
