package io.arbiter.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one kind of request in the background and hands the UI thread only the latest request's outcome: a result
 * that arrives after a newer request was made is dropped, however the requests overtake each other. A failure
 * arrives as its cause, without the wrappers the futures add. Make requests on the UI thread.
 */
public final class LatestOnly {

    private final TaskExecutor executor;
    private final AtomicLong latest = new AtomicLong();

    public LatestOnly(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code work} in the background. On the UI thread, unless another request was made (or
     * {@link #supersede()} called) meanwhile, {@code shown} gets its result or {@code failed} the failure's
     * {@linkplain #causeOf cause}. The future completes after that with the work's own outcome, shown or dropped, for
     * a caller that waits on this request's work.
     */
    public <T> CompletableFuture<T> submit(
            Callable<T> work, Consumer<? super T> shown, Consumer<? super Throwable> failed) {
        return submitStoppable(superseded -> work.call(), shown, failed);
    }

    /**
     * As {@link #submit}, for long work that asks, through the {@link BooleanSupplier} it is given, whether a newer
     * request has taken over, and stops early if so: what it returns then is dropped.
     */
    public <T> CompletableFuture<T> submitStoppable(
            Stoppable<T> work, Consumer<? super T> shown, Consumer<? super Throwable> failed) {
        long request = latest.incrementAndGet();
        BooleanSupplier superseded = () -> request != latest.get();
        return executor.submit(() -> work.call(superseded)).whenComplete((result, failure) -> {
            if (request != latest.get()) {
                return; // a newer request has taken over
            }
            if (failure != null) {
                failed.accept(causeOf(failure));
            } else {
                shown.accept(result);
            }
        });
    }

    /** Background work that may stop early once it is superseded. */
    @FunctionalInterface
    public interface Stoppable<T> {
        T call(BooleanSupplier superseded) throws Exception;
    }

    /** Drops the outcome of every request under way, as when what they were for has gone. */
    public void supersede() {
        latest.incrementAndGet();
    }

    /** What went wrong, without the {@link CompletionException} and {@link ExecutionException} around it. */
    public static Throwable causeOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The cause's message for the user; its type and nothing else when it has none. */
    public static String messageOf(Throwable failure) {
        Throwable cause = causeOf(failure);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
