package com.mcpregistry.http.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** A duration as the API writes it: milliseconds, to the microsecond (e.g. {@code 42.125}), never in exponent form. */
public final class Milliseconds {
    private Milliseconds() {}

    public static BigDecimal of(Duration duration) {
        BigDecimal millis = BigDecimal.valueOf(duration.toNanos(), 6)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return millis.scale() < 0 ? millis.setScale(0) : millis;
    }
}
