package io.arbiter.core.llm;

import java.time.Duration;

/**
 * How hard to try a realtime request again: up to {@code maxAttempts} sends, waiting a random time between zero
 * and {@code baseDelay * 2^(attempt-1)} (capped at {@code maxDelay}) between them ("full jitter", so many
 * workers hit by the same 429 do not come back in step), or what the provider's Retry-After asks, up to
 * {@code maxRetryAfter}. No attempt is started that the row's time budget ({@link Timeouts#row()}) cannot see
 * through: a retry goes out only when at least {@link #MIN_ATTEMPT} (or the request timeout, if shorter) is left
 * of the budget after its wait, and is given at most what is left.
 */
public record RetryPolicy(
        int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Timeouts timeouts) {

    /** The least time worth giving a retry: below it, it would only time out, and cost a request to do so. */
    public static final Duration MIN_ATTEMPT = Duration.ofSeconds(10);

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5), Timeouts.DEFAULT);

    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
        this(maxAttempts, baseDelay, maxDelay, maxRetryAfter, Timeouts.DEFAULT);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt, not " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Delays must be 0 <= base <= max");
        }
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
    }

    /** The same policy within these timeouts, e.g. a provider profile's. */
    public RetryPolicy with(Timeouts newTimeouts) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter, newTimeouts);
    }

    /** The least time a retry must have left of the row's budget to be worth sending. */
    public Duration minimumAttempt() {
        return timeouts.request().compareTo(MIN_ATTEMPT) < 0 ? timeouts.request() : MIN_ATTEMPT;
    }

    /** The longest a backoff before attempt {@code attempt + 1} may be, before jitter. */
    public Duration backoffCeiling(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long nanos = baseDelay.toNanos();
        long ceiling = nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
        return Duration.ofNanos(Math.min(ceiling, maxDelay.toNanos()));
    }
}
