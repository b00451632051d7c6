package io.arbiter.ui.results;

import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.ui.common.TaskExecutor;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What stands above the results table: which run it shows ("Run 7 · 84 rows · judge gpt-4o · finished 14:02"), how
 * far the review of the rows shown has come ("12 of 22 judge false accepts reviewed"), and which columns it shows.
 * Touch only on the UI thread.
 */
public final class ResultsHeading {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ResultsViewModel results;
    private final ShownColumns columns;
    private final ReadOnlyStringWrapper run = new ReadOnlyStringWrapper("No run yet");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    /** The run's name, rows and judge, without its state; empty while no run is shown. */
    private String named = "";

    ResultsHeading(TaskExecutor executor, ResultsViewModel results) {
        this.results = results;
        this.columns = new ShownColumns(executor);
        InvalidationListener recount = obs -> recount();
        results.rows().addListener(recount);
        results.reviewing().reviewVersionProperty().addListener(recount);
        results.presetProperty().addListener(recount);
    }

    // Properties

    /** "Run 7 · 84 rows · judge gpt-4o · finished 14:02", or "No run yet · 84 rows". */
    public ReadOnlyStringProperty runProperty() {
        return run.getReadOnlyProperty();
    }

    /** "12 of 22 judge false accepts reviewed"; empty while no row is shown. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Which columns the table shows and whether their cells wrap. */
    public ShownColumns columns() {
        return columns;
    }

    // Commands

    /** A dataset shown with no run on it yet. */
    void noRun(int rows) {
        named = "";
        run.set("No run yet · " + rows(rows));
    }

    /** A run starting now; {@code runId} is null when no project records it. */
    public void started(Long runId, boolean draft, int rows, JudgeSetup judging) {
        name(runId, draft, rows, judging);
        run.set(named + " · running");
    }

    /** The run started last has ended: finished, cancelled or stopped, and when. */
    public void ended(RunOutcome.Status status) {
        String how =
                switch (status) {
                    case COMPLETED -> "finished ";
                    case CANCELLED -> "cancelled ";
                    case STOPPED -> "stopped ";
                };
        run.set(named + " · " + how + LocalTime.now().format(AT));
    }

    /** A run read back from the project. */
    public void stored(long runId, boolean draft, int rows, JudgeSetup judging) {
        name(runId, draft, rows, judging);
        run.set(named + " · from the project");
    }

    private void name(Long runId, boolean draft, int rows, JudgeSetup judging) {
        String what = draft ? "Draft run" : "Run";
        List<String> jurors = judging == null ? List.of() : judging.jurors();
        named = (runId == null ? what + " (no project)" : what + " " + runId) + " · " + rows(rows)
                + (jurors.isEmpty() ? "" : (jurors.size() == 1 ? " · judge " : " · jury ") + String.join(", ", jurors));
    }

    private static String rows(int count) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? "row" : "rows");
    }

    private void recount() {
        List<ResultsTableRow> shown = results.rows();
        if (shown.isEmpty()) {
            progress.set("");
            return;
        }
        long reviewed = shown.stream().filter(row -> row.human() != null).count();
        progress.set(String.format(Locale.ROOT, "%,d of %,d %s reviewed", reviewed, shown.size(), what()));
    }

    /** What the shown rows are: the preset's, rows chosen from a chart, or all. */
    private String what() {
        RowFilter.Preset preset = results.presetProperty().get();
        if (preset == null) {
            return "chosen rows";
        }
        return switch (preset) {
            case ALL -> "rows";
            case LABEL_NEXT -> "rows to label next";
            case HUMAN_REVIEWED -> "human-reviewed rows";
            case UNPARSED -> "unparsed rows";
            case ERRORS -> "rows with errors";
            case INCONSISTENT -> "inconsistent pairs";
            default -> preset.title().toLowerCase(Locale.ROOT);
        };
    }
}
