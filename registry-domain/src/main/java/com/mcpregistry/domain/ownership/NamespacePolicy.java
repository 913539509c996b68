package com.mcpregistry.domain.ownership;

import com.mcpregistry.domain.WireNames;
import java.util.Optional;

/** Who may submit the first version of a name that no claim covers. */
public enum NamespacePolicy {
    /** Anyone: an unclaimed namespace is first come, first served. */
    OPEN("open"),
    /** Nobody but an administrator: every new name must fall under a claim its submitter owns. */
    CLAIMED("claimed");

    private final String wireName;

    NamespacePolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<NamespacePolicy> fromWireName(String wireName) {
        return WireNames.find(values(), NamespacePolicy::wireName, wireName);
    }
}
