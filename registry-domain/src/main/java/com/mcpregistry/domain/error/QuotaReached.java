package com.mcpregistry.domain.error;

/**
 * A write would take the caller past one of the registry's quotas (e.g. Pending registrations per user): a conflict
 * with what the registry holds now, which waiting alone may not resolve, so not a rate limit to retry against.
 */
public final class QuotaReached extends Conflict {
    private final String quota;
    private final long limit;

    public QuotaReached(String quota, long limit, String message) {
        super(message);
        this.quota = quota;
        this.limit = limit;
    }

    /** The quota's name, e.g. {@code pending_registrations_per_user}. */
    public String quota() {
        return quota;
    }

    /** The most the quota allows. */
    public long limit() {
        return limit;
    }
}
