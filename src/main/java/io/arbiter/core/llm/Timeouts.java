package io.arbiter.core.llm;

import java.time.Duration;

/**
 * How long a run waits for the provider: one request at most {@code request}, and one row, over all its retries,
 * at most {@code row}. A server that accepts a connection and never answers then costs a row a bounded time and an
 * error that names the setting, instead of minutes of silence per retry.
 *
 * @param request the longest one HTTP request may take (default 120 s; {@code --request-timeout})
 * @param row     the longest one row's request may take across its retries (default 180 s; {@code --row-timeout})
 */
public record Timeouts(Duration request, Duration row) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(120), Duration.ofSeconds(180));

    public Timeouts {
        if (request == null
                || row == null
                || request.isNegative()
                || request.isZero()
                || row.isNegative()
                || row.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
    }

    /** The timeouts in whole or fractional seconds, as the settings and the command line give them. */
    public static Timeouts ofSeconds(double request, double row) {
        return new Timeouts(seconds(request), seconds(row));
    }

    private static Duration seconds(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Timeouts must be positive, not " + value);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }

    /** E.g. "120 s", "0.5 s": how a message names a timeout. */
    public static String words(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0
                ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
