package io.arbiter.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets updates of what the screen shows through at most once an interval, and makes sure the last one held back is
 * shown a little later rather than never. UI thread only, but for {@code later}, which runs on a timer thread.
 */
public final class Pace {

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Runnable later;
    /** When an update last went through ({@link #clock}), and whether one has since {@link #restart()}. */
    private long passedAt;

    private boolean passedYet;
    /** True while {@link #later} is due, so a burst of held-back updates asks for it once. */
    private boolean laterDue;

    /**
     * {@code clock} gives nanoseconds; {@code later} is run from a timer thread once the interval after an update
     * held back has passed (it should ask for a turn on the UI thread, which then asks again).
     */
    public Pace(long intervalNanos, LongSupplier clock, Runnable later) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.later = later;
    }

    /** The next update goes through, whenever the last one did. */
    public void restart() {
        passedYet = false;
    }

    /** True when an update may show now ({@code always}: it may); otherwise {@code later} is asked for. */
    public boolean letThrough(boolean always) {
        long now = clock.getAsLong();
        if (always || !passedYet || now - passedAt >= intervalNanos) {
            passedAt = now;
            passedYet = true;
            laterDue = false;
            return true;
        }
        if (!laterDue) {
            laterDue = true;
            CompletableFuture.delayedExecutor(intervalNanos - (now - passedAt), TimeUnit.NANOSECONDS)
                    .execute(later);
        }
        return false;
    }
}
