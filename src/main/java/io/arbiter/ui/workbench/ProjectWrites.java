package io.arbiter.ui.workbench;

import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Small writes to the open project made as a person works (a verdict, a promotion, closing the file), one after
 * another in the order they were asked for, off the FX thread: a label set and then undone must not land the other
 * way round. A failed write is reported and the next one still runs. Queue from the FX thread.
 */
final class ProjectWrites {

    private final TaskExecutor executor;
    private final Consumer<String> onFailure;
    /** Completes on the background thread that ran the last queued write, so waiting on it needs no FX thread. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    /** {@code onFailure} gets what went wrong, on the UI thread. */
    ProjectWrites(TaskExecutor executor, Consumer<String> onFailure) {
        this.executor = executor;
        this.onFailure = onFailure;
    }

    /** Runs {@code work} after every write queued before it. */
    void queue(String what, Runnable work) {
        tail = tail.thenRunAsync(
                        work,
                        job -> executor.submit(() -> {
                            job.run();
                            return null;
                        }))
                .exceptionally(failure -> {
                    String message = "Could not " + what + ": " + LatestOnly.messageOf(failure);
                    executor.ui().execute(() -> onFailure.accept(message));
                    return null;
                });
    }

    /** As {@link #queue}, with a future that completes on the UI thread once the write is done or has failed. */
    java.util.concurrent.CompletableFuture<Void> submit(String what, Runnable work) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        queue(what, () -> {
            try {
                work.run();
                executor.ui().execute(() -> done.complete(null));
            } catch (RuntimeException e) {
                executor.ui().execute(() -> done.completeExceptionally(e));
                throw e;
            }
        });
        return done;
    }

    /** Waits up to {@code seconds} for every queued write; for closing, when nothing may be left behind. */
    void awaitAll(long seconds) {
        try {
            tail.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Reported by the write itself, or still running: the window may go, the store is crash-safe.
        }
    }
}
