package com.mcpregistry.limits;

/** What the registry counts per caller over time, each against a {@link RateLimitPolicy} of its own. */
public enum RateLimit {
    /** Submissions, edits, reviews and deletions, per signed-in user. */
    WRITES("writes"),
    /** Reads of the MCP Registry API without credentials, per client address. */
    ANONYMOUS_READS("anonymous-reads"),
    /** Requests whose credentials are refused, per client address. */
    FAILED_SIGN_INS("failed-sign-ins");

    private final String policyName;

    RateLimit(String policyName) {
        this.policyName = policyName;
    }

    /** The limit's name wherever it is shown: to clients in their answers, to operators in metrics. */
    public String policyName() {
        return policyName;
    }
}
