package io.arbiter.offline;

import java.time.Duration;

/**
 * How fast the offline server works through a batch: lines answered per second, and how long each of the other
 * phases (validating, finalizing, cancelling) lasts. Slow enough in the app for progress bars to move visibly,
 * fast in tests.
 */
public record BatchPace(double linesPerSecond, Duration phaseDelay) {

    /** For tests: 2,000 lines per second, 10 ms phases. */
    public static final BatchPace FAST = new BatchPace(2000, Duration.ofMillis(10));
    /** For the app and {@code serve}: 200 lines per second, half-second phases. */
    public static final BatchPace VISIBLE = new BatchPace(200, Duration.ofMillis(500));

    public BatchPace {
        if (!(linesPerSecond > 0) || Double.isInfinite(linesPerSecond)) {
            throw new IllegalArgumentException(
                    "Batch pace must be a positive number of lines per second, not " + linesPerSecond);
        }
        if (phaseDelay.isNegative()) {
            throw new IllegalArgumentException("Batch phase delay must not be negative, not " + phaseDelay);
        }
    }

    /** A pace whose phases each last about as long as answering 20 lines, between 10 ms and 500 ms. */
    public static BatchPace linesPerSecond(double linesPerSecond) {
        if (!(linesPerSecond > 0)) {
            throw new IllegalArgumentException("Batch pace must be positive, not " + linesPerSecond);
        }
        long millis = Math.max(10, Math.min(500, Math.round(20_000 / linesPerSecond)));
        return new BatchPace(linesPerSecond, Duration.ofMillis(millis));
    }
}
