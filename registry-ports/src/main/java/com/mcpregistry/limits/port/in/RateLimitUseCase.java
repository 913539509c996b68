package com.mcpregistry.limits.port.in;

import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.RateLimit;
import java.util.Optional;

/** Counts a caller's requests against the registry's rate limits, whichever instance they reach. */
public interface RateLimitUseCase {

    /**
     * Counts one request of {@code subject} (a user id, a client address) against {@code limit}: whether it may go
     * on, and what is left. Empty when that limit is off.
     */
    Optional<Admission> admit(RateLimit limit, String subject);
}
