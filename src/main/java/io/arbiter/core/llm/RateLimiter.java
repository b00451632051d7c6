package io.arbiter.core.llm;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a client under a provider's requests-per-minute and tokens-per-minute limits, so requests are spaced
 * instead of answered with 429s. Two token buckets that refill continuously and hold one second's worth, so
 * traffic is smooth rather than a burst at the top of each minute. A request's tokens are estimated before it
 * is sent (prompt characters / 4 plus its reply limit) and corrected with the usage the reply reports.
 * Callers reserve in arrival order and then wait outside the lock, so threads are served first come, first served.
 * Safe to use from many threads.
 */
public final class RateLimiter {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final Bucket requests;
    private final Bucket tokens;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    /** A limit of 0 means no limit of that kind. */
    public RateLimiter(long requestsPerMinute, long tokensPerMinute) {
        this(requestsPerMinute, tokensPerMinute, System::nanoTime, Sleeper.SYSTEM);
    }

    RateLimiter(long requestsPerMinute, long tokensPerMinute, LongSupplier nanoTime, Sleeper sleeper) {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("Rate limits cannot be negative");
        }
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        long now = nanoTime.getAsLong();
        this.requests = requestsPerMinute == 0 ? null : new Bucket(requestsPerMinute, now);
        this.tokens = tokensPerMinute == 0 ? null : new Bucket(tokensPerMinute, now);
    }

    /** Tokens a request may cost before it is sent: roughly four characters a token, plus the whole reply limit. */
    public static long estimateTokens(ChatRequest request) {
        long chars = (request.system() == null ? 0 : request.system().length())
                + (request.user() == null ? 0 : request.user().length());
        return (chars + 3) / 4 + request.maxTokens() + 8;
    }

    /** Waits until one more request of about {@code estimatedTokens} may be sent. */
    public Permit acquire(long estimatedTokens) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            waitNanos = 0;
            if (requests != null) {
                waitNanos = Math.max(waitNanos, requests.reserve(1, now));
            }
            if (tokens != null) {
                waitNanos = Math.max(waitNanos, tokens.reserve(estimatedTokens, now));
            }
        }
        if (waitNanos > 0) {
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
        return new Permit(estimatedTokens);
    }

    /** One admitted request; settle it with what the provider says it cost. */
    public final class Permit {

        private final long estimated;
        private boolean settled;

        private Permit(long estimated) {
            this.estimated = estimated;
        }

        /** Gives back what was over-estimated, or takes what was under-estimated. Only the first call counts. */
        public void settle(long actualTokens) {
            synchronized (RateLimiter.this) {
                if (settled || tokens == null || actualTokens <= 0) {
                    settled = true;
                    return;
                }
                settled = true;
                tokens.adjust(estimated - actualTokens, nanoTime.getAsLong());
            }
        }

        /** Gives the whole estimate back: the request failed and the provider counted nothing. */
        public void release() {
            synchronized (RateLimiter.this) {
                if (!settled && tokens != null) {
                    tokens.adjust(estimated, nanoTime.getAsLong());
                }
                settled = true;
            }
        }
    }

    /** A bucket that may go into debt: a reservation is taken at once and paid off by waiting. */
    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double level;
        private long last;

        Bucket(long perMinute, long now) {
            this.perNano = (double) perMinute / NANOS_PER_MINUTE;
            this.capacity = Math.max(1.0, perMinute / 60.0);
            this.level = capacity;
            this.last = now;
        }

        /** Takes {@code cost} and returns how long the caller must wait before using it. */
        long reserve(long cost, long now) {
            refill(now);
            // A request bigger than the bucket goes once the bucket is full, rather than never.
            double needed = Math.min(cost, capacity);
            long wait = level >= needed ? 0 : (long) Math.ceil((needed - level) / perNano);
            level -= cost;
            return wait;
        }

        void adjust(double tokens, long now) {
            refill(now);
            level = Math.min(capacity, level + tokens);
        }

        private void refill(long now) {
            if (now > last) {
                level = Math.min(capacity, level + (now - last) * perNano);
                last = now;
            }
        }
    }
}
