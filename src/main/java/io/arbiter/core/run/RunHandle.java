package io.arbiter.core.run;

import java.util.concurrent.CompletableFuture;

/** A run under way: ask it to stop, or wait for its outcome. */
public interface RunHandle {

    /** Stops sending; finished rows are kept, rows in flight are left unanswered. Returns at once. */
    void cancel();

    /** Completes when the run has ended, however it ended; never completes exceptionally. */
    CompletableFuture<RunOutcome> outcome();
}
