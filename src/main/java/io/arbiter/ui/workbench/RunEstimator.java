package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.TokenCounter;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.run.CachedRows;
import io.arbiter.core.run.JurorPrices;
import io.arbiter.core.run.RunEstimate;
import io.arbiter.core.run.RunSpec;
import io.arbiter.ui.common.TaskExecutor;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * Keeps the next run's token and cost estimate current: one estimate at a time in the background, and one more if
 * anything changed meanwhile, so typing in a prompt never queues up work. FX thread only.
 */
final class RunEstimator {

    /**
     * What to estimate now: the spec (its provider's base URL keys the cache), the profile whose prices apply, the
     * cache the run would be answered from and whether it goes through the Batch API; null when no run could start.
     */
    record Next(RunSpec spec, ProviderSettings settings, ResponseCache cache, boolean batch) {}

    private final TaskExecutor executor;
    private final Supplier<Supplier<Next>> next;
    private final Consumer<String> show;
    private final ReadOnlyBooleanProperty running;
    private boolean estimating;
    private boolean stale;

    /**
     * @param next    reads the next run from the screen (on the FX thread) and gives the step that builds it (in the
     *                background: it reads the whole dataset), which gives null when no run could start
     * @param running true while a run goes, when estimating waits for its end
     */
    RunEstimator(
            TaskExecutor executor,
            Supplier<Supplier<Next>> next,
            Consumer<String> show,
            ReadOnlyBooleanProperty running) {
        this.executor = executor;
        this.next = next;
        this.show = show;
        this.running = running;
        // A run's answers are in the cache once it ends: the next run gets them free.
        running.addListener((obs, was, now) -> {
            if (!now) {
                refresh();
            }
        });
        // The tokenizer's tables (~30 MB, which the next collection copies) load as the workbench opens rather than
        // at the first estimate: a large dataset opened and run at once had them loading just as its run began, and
        // the pause held the window (docs/PERFORMANCE.md, "Fifth pass").
        executor.submit(() -> TokenCounter.count("warm-up"));
    }

    /**
     * Estimates again whenever one of {@code inputs} changes. Change listeners, not invalidation ones: an invalidation
     * listener goes quiet until its value is read again, and the estimate reads nothing while there is no dataset.
     */
    void follow(List<? extends ObservableValue<?>> inputs) {
        inputs.forEach(input -> input.addListener((obs, old, now) -> refresh()));
    }

    void refresh() {
        // A run's end changes the estimate anyway (its answers are cached); estimating meanwhile would only take
        // the cores and the window's thread (it reads the whole dataset) from the run and its progress.
        if (estimating || running.get()) {
            stale = true;
            return;
        }
        Supplier<Next> build = next.get();
        estimating = true;
        stale = false;
        executor.submit(() -> {
                    Next run = build.get();
                    if (run == null) {
                        return "";
                    }
                    CachedRows cached =
                            CachedRows.of(run.spec(), run.spec().provider().baseUrl(), run.cache());
                    return describe(RunEstimate.of(run.spec()), cached, run);
                })
                .whenComplete((text, failure) -> {
                    estimating = false;
                    if (failure == null) {
                        show.accept(text);
                    }
                    if (stale) {
                        refresh();
                    }
                });
    }

    /** The tokens still to send once cached rows are left out, and their price, halved for the Batch API. */
    static String describe(RunEstimate whole, CachedRows cached, Next run) {
        RunEstimate estimate = whole.less(cached);
        TokenPrices prices = run.settings().prices();
        OptionalDouble cost = OptionalDouble.empty();
        if (prices != null) {
            // A juror on a provider of its own is billed at that provider's prices, as the finished run is.
            JurorPrices each =
                    new JurorPrices(prices, JurorPrices.of(run.spec()).own());
            cost = whole.cost(
                    run.batch() ? each.times(TokenPrices.BATCH_SHARE) : each,
                    run.spec().panel().jurorCount(),
                    cached);
        }
        String free = cached.base() == 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        " · %s answered already (free)",
                        cached.sampled() == whole.rows()
                                ? String.format(Locale.ROOT, "%,d of %,d rows", cached.base(), whole.rows())
                                : String.format(Locale.ROOT, "%.0f%% of rows", 100 * cached.baseShare()));
        return "Next run: " + estimate.describe()
                + free
                + (cost.isPresent()
                        ? String.format(
                                Locale.ROOT,
                                " · cost ≈ %.2f%s",
                                cost.getAsDouble(),
                                run.batch() ? " at the Batch API's half price" : "")
                        : " · prices under Providers… give a cost");
    }
}
