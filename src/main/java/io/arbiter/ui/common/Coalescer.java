package io.arbiter.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a stream of "something changed" signals from any thread into at most one pending drain on the UI thread,
 * so thousands of progress events per second cost the FX thread one update per pulse.
 */
public final class Coalescer {

    private final Executor ui;
    private final Runnable drain;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Coalescer(Executor ui, Runnable drain) {
        this.ui = ui;
        this.drain = drain;
    }

    /** Safe from any thread; returns at once. */
    public void signal() {
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(() -> {
                scheduled.set(false);
                drain.run();
            });
        }
    }
}
