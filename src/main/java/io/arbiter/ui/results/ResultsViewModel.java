package io.arbiter.ui.results;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * The results table and the three accuracies above it. Touch only on the UI thread.
 *
 * <p>It holds the results (show, apply, finish, drafts, scope, export) and passes the figures and the shown rows to
 * {@link HeadlineFigures} and {@link ShownRows}; the review is {@link #reviewing()}, "Label next" {@link #labelNext()}.
 * Over 300 lines as the views and the workbench read the figures and the shown rows through it: each of those
 * properties and commands is a one-line delegation here.
 */
public final class ResultsViewModel {

    private final TaskExecutor executor;
    private final ReviewLog review;
    private final HeadlineFigures figures;
    private final ShownRows shown;
    private final ReviewCommands reviewing;
    private final LabelNext labelNext;
    private final ResultsHeading heading;
    /** Every row in dataset order; results are applied here by index. */
    private List<ResultsTableRow> allRows = List.of();

    private Dataset dataset;
    private ColumnMapping mapping;
    /** Counts finished runs and new datasets: the moments the full statistics are worth recomputing. */
    private final ReadOnlyLongWrapper resultsVersion = new ReadOnlyLongWrapper();

    /** The rows a draft run covers, the only ones its figures count; null when the run covers every row. */
    private Set<Integer> draftRows;
    /** How the rows shown are graded: the scheme of the run shown, or the one the next run will use. */
    private final ReadOnlyObjectWrapper<JudgeScheme> scheme = new ReadOnlyObjectWrapper<>(JudgeSchemes.DEFAULT);

    public ResultsViewModel(TaskExecutor executor) {
        this(executor, new ReviewLog());
    }

    /** {@code review} holds the human verdicts; the workbench owns it. */
    public ResultsViewModel(TaskExecutor executor, ReviewLog review) {
        this.executor = executor;
        this.review = review;
        this.figures = new HeadlineFigures(() -> allRows, this::scope, scheme::get, executor);
        this.shown = new ShownRows(executor);
        this.reviewing = new ReviewCommands(review, () -> allRows, scheme::get, figures::recount);
        this.labelNext = new LabelNext(executor, this, shown);
        this.heading = new ResultsHeading(executor, this);
    }

    // Properties: the results

    /** The human review of the rows: verdicts, notes, promoted examples. Read and change on the UI thread. */
    public ReviewLog review() {
        return review;
    }

    /** Every row, in dataset order. */
    public List<ResultsTableRow> allRows() {
        return allRows;
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

    public ReadOnlyBooleanProperty hasResultsProperty() {
        return figures.hasResultsProperty();
    }

    /** The lines above the table (which run, how far the review has come) and the columns it shows. */
    public ResultsHeading heading() {
        return heading;
    }

    /** Dataset columns the table shows before the result columns: a key column, the inputs. */
    public ReadOnlyObjectProperty<List<String>> keyColumnsProperty() {
        return shown.keyColumnsProperty();
    }

    public Dataset dataset() {
        return dataset;
    }

    /** How many rows are selected in the table; "Try on selection" needs at least one. */
    public ReadOnlyIntegerProperty selectedCountProperty() {
        return shown.selectedCountProperty();
    }

    /** The dataset indices of the selected rows, ascending. */
    public List<Integer> selectedIndices() {
        return shown.selectedIndices();
    }

    /** True while the table shows a draft run: its figures count only the rows it covered. */
    public boolean showsDraft() {
        return draftRows != null;
    }

    /** The scheme the table's rows are graded by. */
    public JudgeScheme scheme() {
        return scheme.get();
    }

    /** Changes when the table shows rows graded by another scheme: its columns and review keys follow. */
    public ReadOnlyObjectProperty<JudgeScheme> schemeProperty() {
        return scheme.getReadOnlyProperty();
    }

    /** How the shown dataset's columns are read (its reference and human columns); null before a dataset. */
    public ColumnMapping mapping() {
        return mapping;
    }

    /** The rows the figures count: a draft's rows, less the rows promoted as worked examples now. */
    public RowScope scope() {
        return RowScope.of(draftRows == null ? List.of() : draftRows, review.promotedRows());
    }

    // Properties: the headline figures

    public ReadOnlyObjectProperty<AccuracyCounts> metricsProperty() {
        return figures.metricsProperty();
    }

    /** The three accuracies and the unparsed counts in words, and a scoring run's score figures. */
    public HeadlineFigures figures() {
        return figures;
    }

    // Properties and commands: the shown rows

    /** The rows the table shows, filtered and sorted. */
    public ObservableList<ResultsTableRow> rows() {
        return shown.rows();
    }

    /** "Showing 120 of 84,000 rows" while a filter is on; empty otherwise. */
    public ReadOnlyStringProperty shownSummaryProperty() {
        return shown.shownSummaryProperty();
    }

    /** "Showing: judge false accepts (12 rows)" while rows are chosen from a chart or a preset; empty otherwise. */
    public ReadOnlyStringProperty rowFilterSummaryProperty() {
        return shown.rowFilterSummaryProperty();
    }

    /** The preset whose rows are shown; null when the rows came from a chart. */
    public ReadOnlyObjectProperty<RowFilter.Preset> presetProperty() {
        return shown.presetProperty();
    }

    /** The dataset row to select now; the table follows it, and it goes back to -1 right after. */
    public ReadOnlyIntegerProperty rowToSelectProperty() {
        return shown.rowToSelectProperty();
    }

    /** Shows only rows whose visible text contains {@code text} (any case); the work happens off the FX thread. */
    public void filter(String text) {
        shown.filter(text);
    }

    /** Shows only the rows {@code filter} selects (null: all rows), with the text filter, off the FX thread. */
    public void showOnly(RowFilter filter) {
        shown.showOnly(filter);
    }

    /** The "Label next" preset's plan and its line of expected intervals. */
    public LabelNext labelNext() {
        return labelNext;
    }

    /** Shows a preset's rows (promoted rows left out, as from the figures), off the FX thread. */
    public void showPreset(RowFilter.Preset chosen) {
        shown.showPreset(chosen);
    }

    /** Back to every row (the text filter stays). */
    public void clearRowFilter() {
        shown.showPreset(RowFilter.Preset.ALL);
    }

    /** Sorts the shown rows by {@code comparator} (null: dataset order), off the FX thread. */
    public void sort(Comparator<ResultsTableRow> comparator) {
        shown.sort(comparator);
    }

    /** Asks the table to select a dataset row once the rows being filtered or sorted now are shown and include it. */
    public void select(int row) {
        shown.select(row);
    }

    /** Follows the table's selection (the view calls this as it changes). */
    public void select(List<ResultsTableRow> rows) {
        shown.select(rows);
    }

    // Properties and commands: the review

    /**
     * A person's review of the rows: labels, notes, undo, promotion to worked examples, and the version and message
     * each leaves behind.
     */
    public ReviewCommands reviewing() {
        return reviewing;
    }

    // Commands: the results

    /** Shows a freshly loaded dataset: one pending row per dataset row, no figures yet. */
    public void show(Dataset dataset, ColumnMapping mapping) {
        show(dataset, mapping, ResultsTableRow.pending(dataset, mapping, scheme.get()));
    }

    /**
     * Grades the rows by {@code chosen} from now on. Rows graded otherwise are shown again without results (a run's
     * answers mean what its own scheme says); the review stays.
     */
    public void useScheme(JudgeScheme chosen) {
        if (chosen.equals(scheme.get())) {
            return;
        }
        if (dataset == null) {
            scheme.set(chosen);
            figures.clear();
        } else {
            show(dataset, mapping, ResultsTableRow.pending(dataset, mapping, chosen));
        }
    }

    /** Shows a dataset with rows made by {@link ResultsTableRow#pending}, graded by the scheme they were made with. */
    public void show(Dataset dataset, ColumnMapping mapping, List<ResultsTableRow> pending) {
        if (dataset != this.dataset) {
            review.clear(); // verdicts belong to another dataset's rows
        }
        this.dataset = dataset;
        this.mapping = mapping;
        if (!pending.isEmpty()) {
            scheme.set(pending.get(0).scheme());
        }
        draftRows = null;
        allRows = List.copyOf(pending);
        reviewing.showAll(allRows);
        shown.showAll(allRows, dataset, mapping);
        figures.clear();
        heading.noRun(allRows.size());
        resultsVersion.set(resultsVersion.get() + 1);
    }

    /**
     * Clears every row's results in place before a new run. Replacing 50,000 table items stalls the FX thread for
     * most of a second; resetting the items does not.
     */
    public void clearResults() {
        resetResults(null);
        if (shown.hasRowFilter()) {
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
        resetResults(Set.copyOf(covered));
        int count = draftRows.size();
        // The chosen rows may be scattered through thousands: shown together, they are easy to read as they fill.
        showOnly(new RowFilter(
                String.format(Locale.ROOT, "the draft run's %s", count == 1 ? "row" : "rows"),
                row -> draftRows != null && draftRows.contains(row.index())));
    }

    /** Applies rows the run has updated since the last call, and counts them into the figures. */
    public void apply(Collection<RowResult> updated) {
        figures.streamed(put(updated));
    }

    /** Takes a finished run's rows and figures as they are, so the screen shows exactly what the run computed. */
    public void finish(List<RowResult> results, AccuracyCounts computed) {
        // Most rows are the objects already streamed in, which the properties let pass without a word; the figures
        // take the run's own counts, so nothing is counted again here.
        for (RowResult result : results) {
            if (result.row() < allRows.size()) {
                allRows.get(result.row()).resultProperty().set(result);
            }
        }
        figures.finished(computed);
        resultsVersion.set(resultsVersion.get() + 1);
        if (shown.hasRowFilter()) {
            shown.refresh(); // which rows a chosen filter selects depends on the results
        }
    }

    /** Writes every row to a CSV file (with UTF-8's byte order mark if {@code bom}), or a workbook if named .xlsx. */
    public CompletableFuture<Path> export(Path file, boolean bom) {
        return ResultsExport.write(executor, file, dataset, mapping, scheme.get(), snapshot(), review.copy(), bom);
    }

    private List<HeadlineFigures.Replaced> put(Collection<RowResult> results) {
        List<HeadlineFigures.Replaced> replaced = new ArrayList<>(results.size());
        for (RowResult result : results) {
            if (result.row() < allRows.size()) {
                ResultsTableRow row = allRows.get(result.row());
                replaced.add(new HeadlineFigures.Replaced(row.index(), row.result(), result));
                row.resultProperty().set(result);
            }
        }
        return replaced;
    }

    private void resetResults(Set<Integer> covered) {
        draftRows = covered;
        for (ResultsTableRow row : allRows) {
            // A fresh dataset's rows are untouched already: making 50,000 of them again held the window at Run.
            if (!row.result().untouched()) {
                row.resultProperty()
                        .set(RowResult.pending(row.result().row(), row.result().truth()));
            }
        }
        figures.clear(covered != null);
        resultsVersion.set(resultsVersion.get() + 1);
    }
}
