package com.mcpregistry.domain.checks;

import com.mcpregistry.domain.WireNames;

/** What the registry does when an approved version's tools drift from what its approval saw ({@code DRIFT_ACTION}). */
public enum DriftAction {
    /** Record it and mark the version: administrators decide. */
    FLAG("flag"),
    /** Record it and deprecate the version, with the drift as the reason. */
    DEPRECATE("deprecate");

    private final String wireName;

    DriftAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DriftAction parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), DriftAction::wireName);
    }
}
