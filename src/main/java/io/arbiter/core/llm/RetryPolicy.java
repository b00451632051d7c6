package io.arbiter.core.llm;

import java.time.Duration;

/**
 * How hard to try a realtime request again: up to {@code maxAttempts} sends, waiting a random time between zero
 * and {@code baseDelay * 2^(attempt-1)} (capped at {@code maxDelay}) between them ("full jitter", so many
 * workers hit by the same 429 do not come back in step), or what the provider's Retry-After asks, up to
 * {@code maxRetryAfter}.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt, not " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Delays must be 0 <= base <= max");
        }
    }

    /** The longest a backoff before attempt {@code attempt + 1} may be, before jitter. */
    public Duration backoffCeiling(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long nanos = baseDelay.toNanos();
        long ceiling = nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
        return Duration.ofNanos(Math.min(ceiling, maxDelay.toNanos()));
    }
}
