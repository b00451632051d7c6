package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final FakeTime time = new FakeTime();

    @Test
    void requestsPerMinuteAreSpacedEvenly() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(120, 0, time, time);
        List<Duration> sentAt = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            limiter.acquire(1);
            sentAt.add(time.elapsed());
        }

        // 120/min holds two a second: two at once, then one every half second.
        assertEquals(
                List.of(
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ofMillis(500),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(1500)),
                sentAt);
    }

    @Test
    void idleTimeRefillsButNeverBeyondOneSecondsWorth() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(60, 0, time, time);
        limiter.acquire(1);
        time.advance(Duration.ofMinutes(5));

        limiter.acquire(1);
        Duration before = time.elapsed();
        limiter.acquire(1);

        assertEquals(Duration.ofSeconds(1), time.elapsed().minus(before));
    }

    @Test
    void aFailedRequestGivesItsWholeReservationBack() throws InterruptedException {
        // 6,000 tokens/min holds 100: after a released 100-token permit the next 100 go at once.
        RateLimiter limiter = new RateLimiter(0, 6000, time, time);
        limiter.acquire(100).release();
        limiter.acquire(100);
        assertEquals(Duration.ZERO, time.elapsed());
    }

    @Test
    void tokensPerMinuteWaitForTheEstimateAndTakeBackTheOverestimate() throws InterruptedException {
        // 6,000 tokens/min refills 100 a second and holds 100.
        RateLimiter limiter = new RateLimiter(0, 6000, time, time);

        RateLimiter.Permit first = limiter.acquire(100);
        assertEquals(Duration.ZERO, time.elapsed());
        first.settle(40); // the reply cost less than feared: 60 come back

        limiter.acquire(100);
        assertEquals(Duration.ofMillis(400), time.elapsed());
    }

    @Test
    void underestimatedRequestsPushLaterOnesBack() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0, 6000, time, time);

        limiter.acquire(50).settle(150); // 100 more than reserved: the bucket is 50 in debt

        limiter.acquire(50);
        assertEquals(Duration.ofSeconds(1), time.elapsed()); // from -50 back up to 50 at 100 a second
    }

    @Test
    void aRequestBiggerThanTheBucketStillGoesOnceItIsFull() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0, 6000, time, time);

        limiter.acquire(1000);
        assertEquals(Duration.ZERO, time.elapsed());
        limiter.acquire(10);
        assertEquals(Duration.ofMillis(9100), time.elapsed());
    }

    @Test
    void estimateCoversPromptAndReplyLimit() {
        long estimate = RateLimiter.estimateTokens(new ChatRequest("m", "x".repeat(400), "y".repeat(400), 0.0, 256));
        assertTrue(estimate >= 200 + 256, "estimate " + estimate);
    }
}
