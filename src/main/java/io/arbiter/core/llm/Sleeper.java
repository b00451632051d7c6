package io.arbiter.core.llm;

import java.time.Duration;

/** Waits; the one seam through which retries and rate limits pass time, so tests can pass it instantly. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
