package io.arbiter.ui.runs;

import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunSummary;
import io.arbiter.core.store.RunRecord;
import io.arbiter.ui.common.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The open project's runs, newest first, with their headline figures; rename, annotate, delete, show one. */
public final class RunsViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One line of the list, ready to show. */
    public record RunLine(long id, String time, String models, String rows, String baseVsTruth, String judgeVsTruth,
                          String baseVsJudge, String kappa, String tokens, String name, String note, String status) {
    }

    private final TaskExecutor executor;
    private final LongConsumer showInResults;
    private final ObservableList<RunLine> runs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open or create a project to keep runs.");
    private final ReadOnlyBooleanWrapper hasProject = new ReadOnlyBooleanWrapper();
    private Project project;

    public RunsViewModel(TaskExecutor executor, LongConsumer showInResults) {
        this.executor = executor;
        this.showInResults = showInResults;
    }

    // Properties

    public ObservableList<RunLine> runs() {
        return runs;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasProjectProperty() {
        return hasProject.getReadOnlyProperty();
    }

    // Commands

    /** The project whose runs are listed (null: none). UI thread. */
    public void useProject(Project opened) {
        project = opened;
        hasProject.set(opened != null);
        if (opened == null) {
            runs.clear();
            message.set("Open or create a project to keep runs.");
            return;
        }
        refresh();
    }

    /** Reads the runs again, in the background. */
    public CompletableFuture<List<RunSummary>> refresh() {
        Project reading = project;
        if (reading == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<RunSummary>> read = executor.submit(reading::runs);
        read.whenComplete((summaries, failure) -> {
            if (reading != project) {
                return;
            }
            if (failure != null) {
                message.set(messageOf(failure));
                return;
            }
            List<RunLine> lines = new ArrayList<>(summaries.size());
            for (int i = summaries.size() - 1; i >= 0; i--) {
                lines.add(line(summaries.get(i)));
            }
            runs.setAll(lines);
            message.set(summaries.isEmpty() ? "No runs yet: every run started here is kept in the project."
                    : String.format(Locale.ROOT, "%d run%s in %s", summaries.size(), summaries.size() == 1 ? "" : "s",
                    reading.file().getFileName()));
        });
        return read;
    }

    public void rename(long runId, String name) {
        change(project -> project.renameRun(runId, name == null || name.isBlank() ? null : name.strip()));
    }

    public void annotate(long runId, String note) {
        change(project -> project.annotateRun(runId, note == null || note.isBlank() ? null : note.strip()));
    }

    /** Deletes the run and its responses; the view asks first. */
    public void delete(long runId) {
        change(project -> project.deleteRun(runId));
    }

    /** Loads the run's rows into the results table. */
    public void show(long runId) {
        showInResults.accept(runId);
    }

    private void change(java.util.function.Consumer<Project> edit) {
        Project editing = project;
        if (editing == null) {
            return;
        }
        executor.submit(() -> {
            edit.accept(editing);
            return null;
        }).whenComplete((done, failure) -> {
            if (failure != null) {
                message.set(messageOf(failure));
            } else {
                refresh();
            }
        });
    }

    static RunLine line(RunSummary summary) {
        RunRecord record = summary.record();
        String models = record.baseModel() == null ? "" : record.baseModel() + " → " + record.judgeModel();
        String kappa = summary.metric("kappa").isPresent()
                ? String.format(Locale.ROOT, "%.2f", summary.metric("kappa").getAsDouble()) : "n/a";
        return new RunLine(record.id(), TIME.format(record.createdAt()), models,
                summary.rows() == 0 ? "" : String.format(Locale.ROOT, "%,d", summary.rows()),
                percent(summary, "base_vs_truth"), percent(summary, "judge_vs_truth"), percent(summary, "base_vs_judge"),
                kappa, String.format(Locale.ROOT, "%,d", record.totalTokens()), summary.displayName(),
                record.note() == null ? "" : record.note(),
                summary.draft() ? "draft · " + record.status() : record.status());
    }

    /** The same text the results tiles show: hits over n. */
    static String percent(RunSummary summary, String metric) {
        if (!summary.metrics().has(metric + "_n")) {
            return "";
        }
        return new Proportion(summary.metrics().path(metric + "_hits").asLong(),
                summary.metrics().path(metric + "_n").asLong()).percent();
    }

    private static String messageOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
