package io.arbiter.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs work as {@link Task}s on named daemon threads and hands results to the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService background = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "arbiter-background-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        // Task fires its handlers on the FX thread, so the future's dependents run there too.
        task.setOnSucceeded(e -> result.complete(task.getValue()));
        task.setOnFailed(e -> result.completeExceptionally(task.getException()));
        task.setOnCancelled(e -> result.cancel(false));
        background.execute(task);
        return result;
    }

    @Override
    public Executor ui() {
        return Platform::runLater;
    }

    @Override
    public void shutdown() {
        background.shutdownNow();
    }
}
