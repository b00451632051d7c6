package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.run.RunEstimate;
import io.arbiter.core.run.RunSpec;
import io.arbiter.ui.common.TaskExecutor;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the next run's token and cost estimate current: one estimate at a time in the background, and one more if
 * anything changed meanwhile, so typing in a prompt never queues up work. FX thread only.
 */
final class RunEstimator {

    /** What to estimate now: the spec and the profile whose prices apply; null when no run could start. */
    record Next(RunSpec spec, ProviderSettings settings) {}

    private final TaskExecutor executor;
    private final Supplier<Next> next;
    private final Consumer<String> show;
    private boolean estimating;
    private boolean stale;

    RunEstimator(TaskExecutor executor, Supplier<Next> next, Consumer<String> show) {
        this.executor = executor;
        this.next = next;
        this.show = show;
    }

    void refresh() {
        if (estimating) {
            stale = true;
            return;
        }
        Next run = next.get();
        if (run == null) {
            show.accept("");
            return;
        }
        estimating = true;
        stale = false;
        executor.submit(() -> RunEstimate.of(run.spec())).whenComplete((estimate, failure) -> {
            estimating = false;
            if (failure == null) {
                show.accept(describe(estimate, run.settings()));
            }
            if (stale) {
                refresh();
            }
        });
    }

    private static String describe(RunEstimate estimate, ProviderSettings settings) {
        OptionalDouble cost = estimate.cost(settings.prices());
        return "Next run: " + estimate.describe()
                + (cost.isPresent()
                        ? String.format(Locale.ROOT, " · cost ≈ %.2f", cost.getAsDouble())
                        : " · prices under Providers… give a cost");
    }
}
