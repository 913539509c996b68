package com.mcpregistry.limits.port.out;

import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.RateLimitPolicy;

/**
 * Where the registry keeps what each caller has used of each rate limit: one bucket per key, holding the policy's
 * quota and given it back whole at the end of each window. A store shared by every instance makes a limit hold for
 * the registry as a whole.
 */
public interface RateLimitBuckets {

    /**
     * Takes one request from the bucket of {@code key}, created full under {@code policy} if there is none.
     *
     * @throws com.mcpregistry.domain.error.Unavailable when the store cannot be reached
     */
    Admission consume(String key, RateLimitPolicy policy);
}
