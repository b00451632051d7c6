package io.arbiter.ui.results;

import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.run.RowScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The figures above the results table: the metrics of the rows that count and the three accuracies in words. Touch
 * only on the UI thread.
 */
final class HeadlineFigures {

    /** Recounting is linear in the rows; while a run streams in, the figures refresh a few times a second at most. */
    private static final long RECOUNT_INTERVAL_NANOS = 250_000_000L;

    /** Every row in dataset order, as it stands now. */
    private final Supplier<List<ResultsTableRow>> rows;
    /** Which of them the figures count. */
    private final Supplier<RowScope> scope;

    private final ReadOnlyBooleanWrapper hasResults = new ReadOnlyBooleanWrapper();
    private long lastRecount;

    private final ReadOnlyObjectWrapper<AccuracyCounts> metrics =
            new ReadOnlyObjectWrapper<>(AccuracyCounts.of(List.of()));
    private final ReadOnlyStringWrapper baseVsJudge = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsTruth = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper judgeVsTruth = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsJudgeCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsTruthCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper judgeVsTruthCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper unparsedSummary = new ReadOnlyStringWrapper();

    HeadlineFigures(Supplier<List<ResultsTableRow>> rows, Supplier<RowScope> scope) {
        this.rows = rows;
        this.scope = scope;
        metrics.addListener((obs, old, now) -> describe(now));
        describe(metrics.get());
    }

    // Properties

    /** True once a run has answered a row since the dataset was shown or the results cleared. */
    ReadOnlyBooleanProperty hasResultsProperty() {
        return hasResults.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<AccuracyCounts> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    ReadOnlyStringProperty baseVsJudgeProperty() {
        return baseVsJudge.getReadOnlyProperty();
    }

    ReadOnlyStringProperty baseVsTruthProperty() {
        return baseVsTruth.getReadOnlyProperty();
    }

    ReadOnlyStringProperty judgeVsTruthProperty() {
        return judgeVsTruth.getReadOnlyProperty();
    }

    ReadOnlyStringProperty baseVsJudgeCountsProperty() {
        return baseVsJudgeCounts.getReadOnlyProperty();
    }

    ReadOnlyStringProperty baseVsTruthCountsProperty() {
        return baseVsTruthCounts.getReadOnlyProperty();
    }

    ReadOnlyStringProperty judgeVsTruthCountsProperty() {
        return judgeVsTruthCounts.getReadOnlyProperty();
    }

    ReadOnlyStringProperty unparsedSummaryProperty() {
        return unparsedSummary.getReadOnlyProperty();
    }

    // Commands

    /** Counts again after a run streamed in answers, unless it did so moments ago over many rows. */
    void streamed() {
        hasResults.set(true);
        long now = System.nanoTime();
        if (now - lastRecount >= RECOUNT_INTERVAL_NANOS || rows.get().size() < 1_000) {
            lastRecount = now;
            metrics.set(count());
        }
    }

    /** Shows the figures a finished run computed, so the screen shows exactly what the run found. */
    void finished(AccuracyCounts computed) {
        hasResults.set(true);
        // The run left out the rows promoted when it started; rows promoted since must be left out too.
        metrics.set(scope.get().examples().isEmpty() ? computed : count());
    }

    /** Counts again after a row joined or left the figures; before any results there is nothing to count. */
    void recount() {
        if (hasResults.get()) {
            metrics.set(count());
        }
    }

    /** Back to the figures of no rows, before a run or on a new dataset. */
    void clear() {
        hasResults.set(false);
        metrics.set(AccuracyCounts.of(List.of()));
    }

    private AccuracyCounts count() {
        RowScope counted = scope.get();
        List<ResultsTableRow> all = rows.get();
        List<ScoredRow> scored = new ArrayList<>(all.size());
        for (ResultsTableRow row : all) {
            if (counted.counts(row.index())) {
                scored.add(row.result().scored());
            }
        }
        return AccuracyCounts.of(scored);
    }

    private void describe(AccuracyCounts m) {
        baseVsJudge.set(m.baseVsJudge().percent());
        baseVsTruth.set(m.baseVsTruth().percent());
        judgeVsTruth.set(m.judgeVsTruth().percent());
        baseVsJudgeCounts.set(counts(m.baseVsJudge(), "say Correct"));
        baseVsTruthCounts.set(counts(m.baseVsTruth(), "answers right"));
        judgeVsTruthCounts.set(counts(m.judgeVsTruth(), "predictions right"));
        unparsedSummary.set("Unparsed: base " + m.unparsedBase() + " · judge " + m.unparsedJudge() + "   Errors: "
                + m.errors() + "   Rows: " + m.rows());
    }

    private static String counts(Proportion p, String what) {
        return p.n() == 0 ? "no rows yet" : p.hits() + " of " + p.n() + " " + what;
    }
}
