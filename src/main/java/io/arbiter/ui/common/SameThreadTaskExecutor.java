package io.arbiter.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Runs everything on the calling thread, so view-model tests need no FX toolkit and no waiting. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Executor ui() {
        return Runnable::run;
    }

    @Override
    public void shutdown() {}
}
