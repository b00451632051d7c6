package io.arbiter.ui.results;

import io.arbiter.core.dataset.ColumnGuess;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.export.ResultsCsvWriter;
import io.arbiter.core.metrics.JudgeLoopMetrics;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.project.WorkedExamples;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The results table and the three accuracies above it. Touch only on the UI thread. */
public final class ResultsViewModel {

    private final TaskExecutor executor;
    /** Every row in dataset order; results are applied here by index. */
    private List<ResultRow> allRows = List.of();
    /** The rows the table shows: all of them, or a filtered and sorted selection made off the FX thread. */
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper shownSummary = new ReadOnlyStringWrapper("");
    private final java.util.concurrent.atomic.AtomicLong viewGeneration = new java.util.concurrent.atomic.AtomicLong();
    private String filterText = "";
    /** Rows chosen from a chart or a preset; null shows every row. Composes with the text filter. */
    private RowFilter rowFilter;

    private final ReadOnlyStringWrapper rowFilterSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RowFilter.Preset> preset = new ReadOnlyObjectWrapper<>(RowFilter.Preset.ALL);
    /** Counts finished runs and new datasets: the moments the full statistics are worth recomputing. */
    private final ReadOnlyLongWrapper resultsVersion = new ReadOnlyLongWrapper();

    private Comparator<ResultRow> order;
    private final ReadOnlyObjectWrapper<JudgeLoopMetrics> metrics =
            new ReadOnlyObjectWrapper<>(JudgeLoopMetrics.of(List.of()));
    private final ReadOnlyStringWrapper baseVsJudge = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsTruth = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper judgeVsTruth = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsJudgeCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsTruthCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper judgeVsTruthCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper unparsedSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper hasResults = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<List<String>> keyColumns = new ReadOnlyObjectWrapper<>(List.of());
    private Dataset dataset;
    private long lastRecount;
    private final ReviewLog review;
    /** Changes on every label, note, undo or promotion; the analysis and the examples follow it. */
    private final ReadOnlyLongWrapper reviewVersion = new ReadOnlyLongWrapper();
    /** What the latest review command did, or why it did nothing; for the status line. */
    private final ReadOnlyStringWrapper reviewMessage = new ReadOnlyStringWrapper("");

    private Supplier<String> promotionAdvice = () -> "";
    /** The dataset row the table should select, set once the shown rows include it; -1 when none is asked for. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper rowToSelect =
            new javafx.beans.property.ReadOnlyIntegerWrapper(-1);

    private int pendingSelection = -1;
    /** The rows a draft run covers, the only ones its figures count; null when the run covers every row. */
    private java.util.Set<Integer> draftRows;
    /** How the rows shown are graded; the only scheme until a run chooses another. */
    private JudgeScheme scheme = JudgeSchemes.DEFAULT;
    /** The rows selected in the table, in the order the table holds them. */
    private List<ResultRow> selected = List.of();

    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();

    /** Recounting is linear in the rows; while a run streams in, the figures refresh a few times a second at most. */
    private static final long RECOUNT_INTERVAL_NANOS = 250_000_000L;

    public ResultsViewModel(TaskExecutor executor) {
        this(executor, new ReviewLog());
    }

    /** {@code review} holds the human verdicts; the workbench owns it. */
    public ResultsViewModel(TaskExecutor executor, ReviewLog review) {
        this.executor = executor;
        this.review = review;
        metrics.addListener((obs, old, now) -> describe(now));
        describe(metrics.get());
    }

    // Properties

    /** The rows the table shows, filtered and sorted. */
    public ObservableList<ResultRow> rows() {
        return rows;
    }

    /** The human review of the rows: verdicts, notes, promoted examples. Read and change on the UI thread. */
    public ReviewLog review() {
        return review;
    }

    public ReadOnlyLongProperty reviewVersionProperty() {
        return reviewVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewMessageProperty() {
        return reviewMessage.getReadOnlyProperty();
    }

    /** Every row, in dataset order. */
    public List<ResultRow> allRows() {
        return allRows;
    }

    /** "Showing 120 of 84,000 rows" while a filter is on; empty otherwise. */
    public ReadOnlyStringProperty shownSummaryProperty() {
        return shownSummary.getReadOnlyProperty();
    }

    /** "Showing: judge false accepts (12 rows)" while rows are chosen from a chart or a preset; empty otherwise. */
    public ReadOnlyStringProperty rowFilterSummaryProperty() {
        return rowFilterSummary.getReadOnlyProperty();
    }

    /** The preset whose rows are shown; null when the rows came from a chart. */
    public ReadOnlyObjectProperty<RowFilter.Preset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** Changes when a run finishes or a dataset is shown or cleared, not on every streamed row. */
    public ReadOnlyLongProperty resultsVersionProperty() {
        return resultsVersion.getReadOnlyProperty();
    }

    /** Every row's current result, in dataset order; a snapshot safe to read on another thread. */
    public List<RowResult> snapshot() {
        List<RowResult> snapshot = new ArrayList<>(allRows.size());
        allRows.forEach(r -> snapshot.add(r.result()));
        return snapshot;
    }

    public ReadOnlyObjectProperty<JudgeLoopMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseVsJudgeProperty() {
        return baseVsJudge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseVsTruthProperty() {
        return baseVsTruth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgeVsTruthProperty() {
        return judgeVsTruth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseVsJudgeCountsProperty() {
        return baseVsJudgeCounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseVsTruthCountsProperty() {
        return baseVsTruthCounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgeVsTruthCountsProperty() {
        return judgeVsTruthCounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unparsedSummaryProperty() {
        return unparsedSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasResultsProperty() {
        return hasResults.getReadOnlyProperty();
    }

    /** Dataset columns the table shows before the result columns: a key column, the inputs. */
    public ReadOnlyObjectProperty<List<String>> keyColumnsProperty() {
        return keyColumns.getReadOnlyProperty();
    }

    public Dataset dataset() {
        return dataset;
    }

    /** How many rows are selected in the table; "Try on selection" needs at least one. */
    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** The dataset indices of the selected rows, ascending. */
    public List<Integer> selectedIndices() {
        return selected.stream().map(ResultRow::index).distinct().sorted().toList();
    }

    /** True while the table shows a draft run: its figures count only the rows it covered. */
    public boolean showsDraft() {
        return draftRows != null;
    }

    // Commands

    /** Follows the table's selection (the view calls this as it changes). */
    public void select(List<ResultRow> rows) {
        selected = List.copyOf(rows);
        selectedCount.set(selected.size());
    }

    /** One pending row per dataset row; linear in the rows, so large datasets build it off the FX thread. */
    public static List<ResultRow> pendingRows(Dataset dataset, ColumnMapping mapping, JudgeScheme scheme) {
        List<ResultRow> fresh = new ArrayList<>(dataset.size());
        for (int row = 0; row < dataset.size(); row++) {
            fresh.add(new ResultRow(RowResult.pending(row, mapping.truthLabels(dataset, row)), scheme));
        }
        return fresh;
    }

    /** The scheme the table's rows are graded by. */
    public JudgeScheme scheme() {
        return scheme;
    }

    /** Shows a freshly loaded dataset: one pending row per dataset row, no figures yet. */
    public void show(Dataset dataset, ColumnMapping mapping) {
        show(dataset, mapping, pendingRows(dataset, mapping, scheme));
    }

    /** Shows a dataset with rows made by {@link #pendingRows}. */
    public void show(Dataset dataset, ColumnMapping mapping, List<ResultRow> pending) {
        if (dataset != this.dataset) {
            review.clear(); // verdicts belong to another dataset's rows
        }
        this.dataset = dataset;
        draftRows = null;
        keyColumns.set(keyColumnsOf(dataset, mapping));
        allRows = List.copyOf(pending);
        viewGeneration.incrementAndGet();
        filterText = "";
        order = null;
        clearRowFilterState();
        allRows.forEach(this::showReview);
        rows.setAll(allRows);
        shownSummary.set("");
        hasResults.set(false);
        metrics.set(JudgeLoopMetrics.of(List.of()));
        resultsVersion.set(resultsVersion.get() + 1);
    }

    /** Records a person's verdict on the row's base answer: right or wrong. */
    public void label(ResultRow row, boolean baseRight) {
        if (row == null) {
            reviewMessage.set("Select a row to review first.");
            return;
        }
        if (row.result().baseAnswer() == null) {
            reviewMessage.set("Row " + (row.index() + 1) + " has no base answer to review yet.");
            return;
        }
        HumanVerdict verdict = review.label(row.index(), baseRight, reviewer(), Instant.now(), row.baseAnswerText());
        reviewed(
                row,
                "Row " + (row.index() + 1) + ": base answer " + verdict.label() + " (" + verdict.reviewer() + ").");
    }

    /** Sets the note on a reviewed row; an empty note removes it. */
    public void note(ResultRow row, String text) {
        if (row == null || row.human() == null) {
            reviewMessage.set("Label the row first (1 right, 2 wrong), then add a note.");
            return;
        }
        review.note(row.index(), text, reviewer(), Instant.now());
        reviewed(row, "Row " + (row.index() + 1) + ": note saved.");
    }

    /** Takes back the latest label or note; the dataset row it touched, or -1 when there was nothing to undo. */
    public int undoReview() {
        var undone = review.undo();
        if (undone.isEmpty()) {
            reviewMessage.set("Nothing to undo.");
            return -1;
        }
        int index = undone.getAsInt();
        ResultRow row = index < allRows.size() ? allRows.get(index) : null;
        if (row != null) {
            reviewed(row, "Undid the latest review of row " + (index + 1) + ".");
        }
        return index;
    }

    /**
     * Makes a reviewed row a worked example for the judge, or takes it back. A promoted row is left out of every
     * metric: the judge has seen its answer.
     */
    public void togglePromoted(ResultRow row) {
        // Taking an example back needs no verdict on the current answer: a later run may have answered otherwise.
        if (row == null || (row.human() == null && !row.promoted())) {
            reviewMessage.set("Review the row first (1 right, 2 wrong); then P makes it a worked example.");
            return;
        }
        boolean now = review.togglePromoted(row.index());
        reviewed(
                row,
                now
                        ? "Row " + (row.index() + 1) + " is a worked example for the judge and is left out of every "
                                + "metric." + promotionAdvice.get()
                        : "Row " + (row.index() + 1) + " is no longer an example.");
    }

    /**
     * Brings back a review kept in a project for the rows shown now: the table, the metrics (promoted rows leave
     * them) and the examples follow, as after a person's change. Call after {@link #show} of the same dataset.
     */
    public void useReview(Map<Integer, HumanVerdict> verdicts, List<Integer> promoted) {
        review.restore(verdicts, promoted);
        allRows.forEach(this::showReview);
        if (hasResults.get()) {
            metrics.set(JudgeLoopMetrics.of(scored()));
        }
        reviewVersion.set(reviewVersion.get() + 1);
    }

    /** Adds advice to the promotion message, such as a missing {{examples}} placeholder; empty for none. */
    public void setPromotionAdvice(Supplier<String> advice) {
        promotionAdvice = advice;
    }

    /**
     * The promoted rows as worked examples, in the order promoted: the base answer as the judge saw it, the human's
     * verdict, and the label the judge should name (the first truth label, else the judge's own prediction).
     */
    public List<FewShotExample> examples() {
        Map<Integer, HumanVerdict> verdicts = new java.util.HashMap<>();
        review.promotedRows().forEach(index -> review.verdict(index).ifPresent(v -> verdicts.put(index, v)));
        return WorkedExamples.of(
                scheme,
                review.promotedRows(),
                verdicts,
                index -> index < allRows.size() ? allRows.get(index).result() : null);
    }

    private void reviewed(ResultRow row, String message) {
        boolean wasPromoted = row.promoted();
        showReview(row);
        if ((wasPromoted || row.promoted()) && hasResults.get()) {
            metrics.set(JudgeLoopMetrics.of(scored())); // a row joins or leaves the metrics
        }
        reviewVersion.set(reviewVersion.get() + 1);
        reviewMessage.set(message);
    }

    private void showReview(ResultRow row) {
        row.humanProperty().set(review.verdict(row.index()).orElse(null));
        row.promotedProperty().set(review.promoted(row.index()));
    }

    private static String reviewer() {
        return System.getProperty("user.name", "unknown");
    }

    /** Shows only rows whose visible text contains {@code text} (any case); the work happens off the FX thread. */
    public void filter(String text) {
        filterText = text == null ? "" : text.strip();
        refreshView();
    }

    /**
     * Shows only the rows {@code filter} selects (null: all rows), together with the text filter; the work happens
     * off the FX thread. The chip says what is shown and how many rows.
     */
    public void showOnly(RowFilter filter) {
        rowFilter = filter;
        preset.set(filter == null ? RowFilter.Preset.ALL : null);
        refreshView();
    }

    /** As {@link #showOnly(RowFilter)} with a description and a predicate. */
    public void showOnly(String description, Predicate<ResultRow> selected) {
        showOnly(new RowFilter(description, selected));
    }

    /** Shows a preset's rows: All, judge false accepts, false rejects, unparsed, errors. */
    public void showPreset(RowFilter.Preset chosen) {
        RowFilter filter = chosen.filter();
        if (filter != null && chosen != RowFilter.Preset.HUMAN_REVIEWED) {
            // Promoted rows are examples, not measurements: left out here as they are from the figures, so a
            // preset shows as many rows as the analysis counts.
            filter = new RowFilter(filter.description(), filter.rows().and(row -> !row.promoted()));
        }
        showOnly(filter);
        preset.set(chosen);
    }

    /**
     * Asks the table to select a dataset row (and so show it in the detail), once the rows being filtered or sorted
     * now are shown; a row the shown rows do not include is not selected.
     */
    public void select(int row) {
        pendingSelection = row;
        refreshView();
    }

    /** The dataset row to select now; the table follows it, and it goes back to -1 right after. */
    public javafx.beans.property.ReadOnlyIntegerProperty rowToSelectProperty() {
        return rowToSelect.getReadOnlyProperty();
    }

    /** Back to every row (the text filter stays). */
    public void clearRowFilter() {
        showPreset(RowFilter.Preset.ALL);
    }

    /** Sorts the shown rows by {@code comparator} (null: dataset order), off the FX thread. */
    public void sort(Comparator<ResultRow> comparator) {
        order = comparator;
        refreshView();
    }

    private void refreshView() {
        List<ResultRow> source = allRows;
        String needle = filterText.toLowerCase(Locale.ROOT);
        RowFilter chosen = rowFilter;
        Comparator<ResultRow> sortBy = order;
        Dataset shownDataset = dataset;
        List<String> keys = keyColumns.get();
        long generation = viewGeneration.incrementAndGet();
        executor.submit(() -> {
                    List<ResultRow> selected = new ArrayList<>(source.size());
                    for (ResultRow row : source) {
                        if ((chosen == null || chosen.rows().test(row))
                                && (needle.isEmpty() || row.matches(needle, shownDataset, keys))) {
                            selected.add(row);
                        }
                    }
                    if (sortBy != null) {
                        selected.sort(sortBy);
                    }
                    return selected;
                })
                .whenComplete((selected, failure) -> {
                    if (failure != null || generation != viewGeneration.get()) {
                        return; // a newer filter or sort, or a new dataset, has taken over
                    }
                    rows.setAll(selected);
                    boolean filtered = !needle.isEmpty() || chosen != null;
                    shownSummary.set(
                            filtered
                                    ? String.format(
                                            Locale.ROOT, "Showing %,d of %,d rows", selected.size(), source.size())
                                    : "");
                    rowFilterSummary.set(
                            chosen == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT,
                                            "Showing: %s (%,d %s)",
                                            chosen.description(),
                                            selected.size(),
                                            selected.size() == 1 ? "row" : "rows"));
                    if (pendingSelection >= 0) {
                        rowToSelect.set(pendingSelection);
                        rowToSelect.set(-1);
                        pendingSelection = -1;
                    }
                });
    }

    /**
     * Clears every row's results in place before a new run. Replacing 50,000 table items stalls the FX thread for
     * most of a second; resetting the items does not.
     */
    public void clearResults() {
        resetResults(null);
        if (rowFilter != null) {
            // Chosen rows came from the last run's figures; a new run starts from every row.
            clearRowFilter();
        }
    }

    /**
     * Clears every row's results before a draft run on {@code covered} (dataset indices), and shows just those rows.
     * The table holds one run at a time, as the Runs list does: keeping an earlier run's verdicts on the other rows
     * would mix two prompts' answers in one export and one analysis. That run stays in the project, and its
     * answers in the cache, so running it again costs nothing. Reviews, notes and examples stay.
     */
    public void startDraft(Collection<Integer> covered) {
        resetResults(java.util.Set.copyOf(covered));
        int count = draftRows.size();
        // The chosen rows may be scattered through thousands: shown together, they are easy to read as they fill.
        showOnly(new RowFilter(
                String.format(Locale.ROOT, "the draft run's %s", count == 1 ? "row" : "rows"),
                row -> draftRows != null && draftRows.contains(row.index())));
    }

    private void resetResults(java.util.Set<Integer> covered) {
        draftRows = covered;
        for (ResultRow row : allRows) {
            RowResult old = row.result();
            row.resultProperty().set(RowResult.pending(old.row(), old.truth()));
        }
        hasResults.set(false);
        metrics.set(JudgeLoopMetrics.of(List.of()));
        resultsVersion.set(resultsVersion.get() + 1);
    }

    /** Applies rows the run has updated since the last call, and refreshes the figures. */
    public void apply(Collection<RowResult> updated) {
        if (updated.isEmpty()) {
            return;
        }
        for (RowResult result : updated) {
            if (result.row() < allRows.size()) {
                allRows.get(result.row()).resultProperty().set(result);
            }
        }
        hasResults.set(true);
        long now = System.nanoTime();
        if (now - lastRecount >= RECOUNT_INTERVAL_NANOS || allRows.size() < 1_000) {
            lastRecount = now;
            metrics.set(JudgeLoopMetrics.of(scored()));
        }
    }

    /** Takes a finished run's rows and figures as they are, so the screen shows exactly what the run computed. */
    public void finish(List<RowResult> results, JudgeLoopMetrics computed) {
        for (RowResult result : results) {
            if (result.row() < allRows.size()) {
                allRows.get(result.row()).resultProperty().set(result);
            }
        }
        hasResults.set(true);
        // The run left out the rows promoted when it started; rows promoted since must be left out too.
        metrics.set(review.promotedRows().isEmpty() ? computed : JudgeLoopMetrics.of(scored()));
        resultsVersion.set(resultsVersion.get() + 1);
        if (rowFilter != null) {
            refreshView(); // which rows a chosen filter selects depends on the results
        }
    }

    /** Writes every row to a CSV file in the background; the future completes on the UI thread. */
    public CompletableFuture<Path> export(Path file) {
        Dataset source = dataset;
        List<RowResult> snapshot = snapshot();
        ReviewLog reviewed = review.copy();
        return executor.submit(() -> {
            new ResultsCsvWriter(scheme).write(file, source, source.columns(), snapshot, reviewed);
            return file;
        });
    }

    private void clearRowFilterState() {
        rowFilter = null;
        preset.set(RowFilter.Preset.ALL);
        rowFilterSummary.set("");
    }

    /** The rows the figures count: a draft's rows, less the rows promoted as worked examples now. */
    public RowScope scope() {
        return RowScope.of(draftRows == null ? List.of() : draftRows, review.promotedRows());
    }

    private List<ScoredRow> scored() {
        RowScope scope = scope();
        List<ScoredRow> scored = new ArrayList<>(allRows.size());
        for (ResultRow row : allRows) {
            if (scope.counts(row.index())) {
                scored.add(row.result().scored());
            }
        }
        return scored;
    }

    private void describe(JudgeLoopMetrics m) {
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

    /** A column that names the row (a title, an id), then the inputs. */
    private static List<String> keyColumnsOf(Dataset dataset, ColumnMapping mapping) {
        List<String> exclude = new ArrayList<>(mapping.inputColumns());
        if (mapping.hasTruth()) {
            exclude.add(mapping.truthColumn());
        }
        List<String> keys = new ArrayList<>();
        String key = ColumnGuess.key(dataset, exclude);
        if (key != null) {
            keys.add(key);
        }
        keys.addAll(mapping.inputColumns());
        return keys;
    }
}
