package com.mcpregistry.limits.port.out;

import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.RateLimit;

/** Told each time a rate limit or a quota refuses a request, e.g. to count refusals in metrics. */
public interface LimitEvents {

    /** Tells nobody. */
    LimitEvents NONE = new LimitEvents() {
        @Override
        public void refused(RateLimit limit) {}

        @Override
        public void quotaReached(Quota quota) {}
    };

    void refused(RateLimit limit);

    void quotaReached(Quota quota);
}
