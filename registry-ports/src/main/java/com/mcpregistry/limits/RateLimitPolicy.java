package com.mcpregistry.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a {@link RateLimit} one caller gets: {@code quota} requests per {@code window}, the whole quota given
 * back at the end of each window. The window is whole seconds, as clients are told it.
 */
public record RateLimitPolicy(RateLimit limit, long quota, Duration window) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{0,6})\\s*(s|min|h|d)");
    private static final Map<String, Duration> UNITS = Map.of(
            "s",
            Duration.ofSeconds(1),
            "min",
            Duration.ofMinutes(1),
            "h",
            Duration.ofHours(1),
            "d",
            Duration.ofDays(1));

    public RateLimitPolicy {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(window, "window");
        if (quota < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request per window");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.toNanosPart() != 0) {
            throw new IllegalArgumentException("a rate limit's window is a whole number of seconds, at least 1");
        }
    }

    /**
     * {@code limit} as written in a setting: requests per window, e.g. {@code 120/min}, {@code 5/s}, {@code 100/10s},
     * {@code 1000/h} or {@code 10000/d}.
     */
    public static RateLimitPolicy parse(RateLimit limit, String text) {
        Matcher matcher = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "must be requests per window such as 120/min, 5/s, 100/10s, 1000/h or 10000/d (or off)");
        }
        long count = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
        Duration window = UNITS.get(matcher.group(3)).multipliedBy(count);
        return new RateLimitPolicy(limit, Long.parseLong(matcher.group(1)), window);
    }

    /** The window in seconds. */
    public long windowSeconds() {
        return window.toSeconds();
    }

    /** As {@link #parse} reads it, e.g. {@code 120/60s}. */
    @Override
    public String toString() {
        return quota + "/" + windowSeconds() + "s";
    }
}
