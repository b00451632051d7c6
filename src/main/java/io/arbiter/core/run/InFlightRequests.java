package io.arbiter.core.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's requests now out at the provider, with when each was sent, so the coordinator can say what the run is
 * waiting on instead of sitting silent: workers call {@link #begin}/{@link #end}; one thread calls {@link #check}.
 */
final class InFlightRequests {

    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

    private final ConcurrentHashMap<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final long noticeNanos;
    private Waiting reported = Waiting.NONE;
    private long reportedAt;

    /** @param notice how long a request is out before it counts as waited on */
    InFlightRequests(Duration notice) {
        this.noticeNanos = notice.toNanos();
    }

    long begin() {
        long token = tokens.incrementAndGet();
        sentAt.put(token, System.nanoTime());
        return token;
    }

    void end(long token) {
        sentAt.remove(token);
    }

    /**
     * What to report now, if anything: a change at most once a second, and at once when nothing waits any more.
     * Called from one thread only.
     */
    Optional<Waiting> check(long nowNanos) {
        int waiting = 0;
        long longest = 0;
        for (long sent : sentAt.values()) {
            long age = nowNanos - sent;
            if (age >= noticeNanos) {
                waiting++;
                longest = Math.max(longest, age);
            }
        }
        Waiting now = new Waiting(
                waiting, Duration.ofSeconds(Duration.ofNanos(longest).toSeconds()));
        boolean cleared = !now.any() && reported.any();
        boolean due = now.any() && !now.equals(reported) && nowNanos - reportedAt >= REPORT_EVERY_NANOS;
        if (cleared || due) {
            reported = now;
            reportedAt = nowNanos;
            return Optional.of(now);
        }
        return Optional.empty();
    }
}
