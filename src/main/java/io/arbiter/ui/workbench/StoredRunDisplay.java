package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.project.Project;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.ResultsViewModel;
import io.arbiter.ui.results.RowFilter;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Shows a run kept in the open project in the results table. The run is read off the FX thread; when it is over the
 * dataset and mapping on screen its results go straight onto the table's rows, else the workbench switches to its
 * dataset and mapping and a {@link ShowRequest} waits until the table holds their rows. Only the latest run asked
 * for lands. FX thread.
 */
final class StoredRunDisplay {

    /** Reads of stored runs: only the latest one asked for lands in the table. */
    private final LatestOnly reads;

    private final Consumer<String> status;
    private final ResultsViewModel results;
    private final DatasetSetup data;
    private final ProjectLifecycle projects;
    /** True while a run is being prepared or runs: it owns the table. */
    private final BooleanSupplier running;

    private final Predicate<String> busy;
    /** Brings the results tab to the front. */
    private final Runnable toResults;
    /** Told each stored run put on the table, so the run pane shows how far it got. */
    private final Consumer<WorkbenchProject.ShownRun> shownKept;
    /** Told who judged a run before its rows are shown, so Judge analysis names its jurors. */
    private final Consumer<JudgeSetup> judging;
    /** What waits for its dataset's rows in the table; null when nothing does. */
    private ShowRequest request;

    /** {@code busy} says, with a message, when a run or a project switch keeps the table from changing now. */
    StoredRunDisplay(
            TaskExecutor executor,
            Consumer<String> status,
            ResultsViewModel results,
            DatasetSetup data,
            ProjectLifecycle projects,
            BooleanSupplier running,
            Predicate<String> busy,
            Runnable toResults,
            Consumer<WorkbenchProject.ShownRun> shownKept,
            Consumer<JudgeSetup> judging) {
        this.reads = new LatestOnly(executor);
        this.status = status;
        this.results = results;
        this.data = data;
        this.projects = projects;
        this.running = running;
        this.busy = busy;
        this.toResults = toResults;
        this.shownKept = shownKept;
        this.judging = judging;
    }

    /** Loads a stored run's rows into the results table. */
    void show(long runId) {
        show(runId, () -> {});
    }

    /** Shows run B of a comparison with only its flipped rows, {@code row} selected when it is not -1. */
    void showFlipped(long runB, Set<Integer> flipped, String description, int row) {
        show(runB, () -> {
            results.showOnly(new RowFilter(description, shown -> flipped.contains(shown.index())));
            if (row >= 0) {
                results.select(row);
            }
        });
    }

    /** Asks for {@code asked} once the table holds its dataset's rows, replacing what was asked before. */
    void request(ShowRequest asked) {
        request = asked;
    }

    /** Another dataset is on screen: what was asked for other rows would not fit these. */
    void datasetChanged(Dataset now) {
        if (request != null && request.dataset() != now) {
            request = null;
        }
    }

    /** The table holds {@code rows}' rows now: what was asked for them is shown. */
    void tableFilled(Dataset rows) {
        ShowRequest asked = request;
        if (asked == null || asked.dataset() != rows) {
            return;
        }
        request = null;
        if (asked.run() != null) {
            showStored(asked.run());
            asked.then().run();
        }
        if (asked.review() != null) { // after the run's rows, so its examples have their answers
            results.reviewing().use(asked.review().verdicts(), asked.review().promoted());
        }
    }

    /** As {@link #show(long)}, then {@code then} once the rows are in the table. */
    private void show(long runId, Runnable then) {
        Project from = projects.project();
        if (from == null || busy.test("showing another run")) {
            return;
        }
        Dataset current = data.datasetProperty().get();
        ColumnMapping currentMapping = current == null ? null : data.mapping();
        WorkbenchProject session = projects.session();
        reads.submit(
                () -> {
                    WorkbenchProject.ShownRun read = session.show(from, runId, current);
                    // The table's rows, built here: for a large dataset that is too long for the FX thread.
                    List<ResultsTableRow> rows = read.dataset() == current
                                    && currentMapping != null
                                    && currentMapping.problemsWith(current).isEmpty()
                            ? ResultsTableRow.pending(current, currentMapping, read.scheme())
                            : null;
                    return new ShownWithRows(read, rows, currentMapping);
                },
                shownWithRows -> {
                    if (from == projects.project()) { // else another project was opened meanwhile
                        land(shownWithRows, runId, then);
                    }
                },
                failure -> {
                    if (from == projects.project()) {
                        status.accept(LatestOnly.messageOf(failure));
                    }
                });
    }

    /** Puts a stored run read in the background on the table, or switches to its dataset first. */
    private void land(ShownWithRows shownWithRows, long runId, Runnable then) {
        if (running.getAsBoolean()) {
            return;
        }
        WorkbenchProject.ShownRun shown = shownWithRows.shown();
        if (shown.dataset() == data.datasetProperty().get()
                && shownWithRows.rows() != null
                && shownWithRows.mapping().equals(data.mapping())) {
            results.show(shown.dataset(), shownWithRows.mapping(), shownWithRows.rows());
            showStored(shown);
            then.run();
        } else {
            if (shown.mapping() == null
                    || !shown.mapping().problemsWith(shown.dataset()).isEmpty()) {
                status.accept("Run " + runId + " cannot be shown: the project does not say which columns it read.");
                return;
            }
            // The table is about to hold that dataset's rows: their review comes back with them.
            request = new ShowRequest(shown.dataset(), shown, then, shown.review());
            data.useMapped(shown.dataset(), shown.mapping());
        }
        toResults.run();
        status.accept("Showing run " + runId + " in the results.");
    }

    /** Puts a stored run's results on the table's rows; a draft shows just its rows, as it did when it ran. */
    private void showStored(WorkbenchProject.ShownRun shown) {
        results.useScheme(shown.scheme()); // the run's own grading, whatever the next run's is
        judging.accept(shown.judging());
        if (!shown.draftRows().isEmpty()) {
            results.startDraft(shown.draftRows());
        }
        results.finish(shown.rows(), shown.metrics());
        results.heading()
                .stored(
                        shown.runId(),
                        !shown.draftRows().isEmpty(),
                        shown.draftRows().isEmpty()
                                ? shown.rows().size()
                                : shown.draftRows().size(),
                        shown.judging());
        shownKept.accept(shown);
    }

    /** A stored run read for the table, with the table's rows when it is over the dataset on screen. */
    private record ShownWithRows(WorkbenchProject.ShownRun shown, List<ResultsTableRow> rows, ColumnMapping mapping) {}
}
