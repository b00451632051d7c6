package io.arbiter.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Holds background work until the test runs it, in the order the test chooses; the UI thread is the caller's. */
public final class HeldTaskExecutor implements TaskExecutor {

    private final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        held.add(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** How many pieces of work wait to be run. */
    public int waiting() {
        return held.size();
    }

    /** Runs the work submitted {@code index}-th among those still held (0: the oldest). */
    public void run(int index) {
        held.remove(index).run();
    }

    /** Runs what is held, and what that submits, first come first served. */
    public void runAll() {
        while (!held.isEmpty()) {
            held.remove(0).run();
        }
    }

    /** Runs what is held, the latest first. */
    public void runLastFirst() {
        while (!held.isEmpty()) {
            held.remove(held.size() - 1).run();
        }
    }

    @Override
    public Executor ui() {
        return Runnable::run;
    }

    @Override
    public void shutdown() {}
}
