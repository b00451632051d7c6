package io.arbiter.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where view models send work that must not run on the FX thread, and how results come back to it.
 * The app uses {@link FxTaskExecutor}; view-model tests use {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background; the future completes on the UI thread. */
    <T> CompletableFuture<T> submit(Callable<T> work);

    /** The UI thread: everything that touches observable state runs here. */
    Executor ui();

    /** Stops background threads; called once from {@code Application.stop()}. */
    void shutdown();
}
