package com.mcpregistry.limits;

/** A cap on what one caller may hold or add, whatever their pace. */
public enum Quota {
    /** Registrations waiting for review that one user submitted. */
    PENDING_PER_USER("pending_registrations_per_user"),
    /** New versions of one server name submitted within 24 hours, deleted ones included. */
    VERSIONS_PER_SERVER_PER_DAY("versions_per_server_per_day");

    private final String quotaName;

    Quota(String quotaName) {
        this.quotaName = quotaName;
    }

    /** The quota's name wherever it is shown: in the answer that refuses a write, in metrics. */
    public String quotaName() {
        return quotaName;
    }
}
