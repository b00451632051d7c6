package io.arbiter.core.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A clock that only moves when someone sleeps on it, and remembers every sleep. */
final class FakeTime implements Sleeper, LongSupplier {

    private long nanos = 1_000_000_000L;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
    }

    @Override
    public synchronized long getAsLong() {
        return nanos;
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    synchronized Duration elapsed() {
        return Duration.ofNanos(nanos - 1_000_000_000L);
    }
}
