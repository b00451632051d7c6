package io.arbiter.ui.runs;

import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.PngFiles;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project's runs, newest first, with their headline figures and their trend; rename, annotate, delete, show
 * one. (Past 300 lines: the list, the trend with each run's interval and the drafts it leaves out read the same
 * stored figures, kept together.)
 */
public final class RunsViewModel {

    /**
     * One line of the list, ready to show.
     *
     * @param prompts       what changed in the prompts since the run before, in a few words
     * @param promptsDetail the same at length, for a tooltip
     */
    public record RunLine(
            long id,
            String time,
            String models,
            String prompts,
            String promptsDetail,
            String rows,
            String baseVsTruth,
            String judgeVsTruth,
            String baseVsJudge,
            String kappa,
            String tokens,
            String cost,
            String name,
            String note,
            String status) {}

    /** One run's value of a metric on the trend chart, with its stored 95% interval (NaN ends: none). */
    public record TrendPoint(long runId, String run, double value, double low, double high) {

        /** A point without an interval. */
        public TrendPoint(long runId, String run, double value) {
            this(runId, run, value, Double.NaN, Double.NaN);
        }

        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /**
     * The trend chart's data: the completed runs along the x axis, oldest first, named uniquely; and each metric's
     * points, leaving out the runs that lack it (a missing kappa is not a kappa of 0).
     */
    public record Trend(List<String> runs, List<TrendPoint> accuracy, List<TrendPoint> kappa) {
        public static final Trend EMPTY = new Trend(List.of(), List.of(), List.of());
    }

    private final TaskExecutor executor;
    private final LatestOnly listings;
    private final LongConsumer showInResults;
    private final ObservableList<RunLine> runs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open or create a project to keep runs.");
    private final ReadOnlyBooleanWrapper hasProject = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Trend> trend = new ReadOnlyObjectWrapper<>(Trend.EMPTY);
    /** Whether draft runs (a few selected rows) are plotted on the trend; off, so a 5-row draft's 100% is not. */
    private final BooleanProperty showDrafts = new SimpleBooleanProperty(false);
    /** The runs last listed, oldest first, to plot again when drafts are shown or hidden. */
    private List<RunListing> listed = List.of();

    private Project project;

    /** Where two runs go to be compared: {@code a} the earlier ("before"), {@code b} the later. */
    public interface CompareTarget {
        void compare(long a, long b);
    }

    private final CompareTarget compareTarget;

    public RunsViewModel(TaskExecutor executor, LongConsumer showInResults) {
        this(executor, showInResults, (a, b) -> {});
    }

    public RunsViewModel(TaskExecutor executor, LongConsumer showInResults, CompareTarget compareTarget) {
        this.executor = executor;
        this.listings = new LatestOnly(executor);
        this.showInResults = showInResults;
        this.compareTarget = compareTarget;
        showDrafts.addListener((obs, was, now) -> trend.set(trend(listed, now)));
    }

    // Properties

    public ObservableList<RunLine> runs() {
        return runs;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Judge-vs-truth accuracy and kappa across the completed runs, for the chart. */
    public ReadOnlyObjectProperty<Trend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    /** Whether the trend plots draft runs too. */
    public BooleanProperty showDraftsProperty() {
        return showDrafts;
    }

    public ReadOnlyBooleanProperty hasProjectProperty() {
        return hasProject.getReadOnlyProperty();
    }

    // Commands

    /** The project whose runs are listed (null: none). UI thread. */
    public void useProject(Project opened) {
        project = opened;
        listings.supersede(); // a listing under way belongs to the project before
        hasProject.set(opened != null);
        if (opened == null) {
            runs.clear();
            listed = List.of();
            trend.set(Trend.EMPTY);
            message.set("Open or create a project to keep runs.");
            return;
        }
        refresh();
    }

    /** Reads the runs again, in the background. */
    public CompletableFuture<List<RunListing>> refresh() {
        Project reading = project;
        if (reading == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        // Diffing prompts reads every version and may take a moment on long ones: all of it off the FX thread.
        // Returned after the list is updated, so a caller waiting on it sees the new lines; of two refreshes
        // under way (an edit's and a run's), only the later one's listing is shown.
        return listings.submit(
                        () -> listing(reading),
                        listing -> {
                            List<RunListing> summaries = listing.summaries();
                            runs.setAll(listing.lines());
                            listed = summaries;
                            trend.set(trend(summaries, showDrafts.get()));
                            message.set(
                                    summaries.isEmpty()
                                            ? "No runs yet: every run started here is kept in the project."
                                            : String.format(
                                                    Locale.ROOT,
                                                    "%d run%s in %s",
                                                    summaries.size(),
                                                    summaries.size() == 1 ? "" : "s",
                                                    reading.file().getFileName()));
                        },
                        failure -> message.set(LatestOnly.messageOf(failure)))
                .thenApply(Listing::summaries);
    }

    /** What a refresh reads and prepares in the background. */
    private record Listing(List<RunListing> summaries, List<RunLine> lines) {}

    private static Listing listing(Project project) {
        List<RunListing> summaries = inTimeOrder(project.runs());
        Map<Long, PromptVersion> versions = new HashMap<>();
        project.promptVersions().forEach(v -> versions.put(v.id(), v));
        List<RunLine> lines = new ArrayList<>(summaries.size());
        for (int i = summaries.size() - 1; i >= 0; i--) {
            RunListing previous = i == 0 ? null : summaries.get(i - 1);
            lines.add(RunLineText.line(summaries.get(i), previous, versions));
        }
        return new Listing(summaries, lines);
    }

    /** The chart's points from runs in time order, drafts left out. */
    static Trend trend(List<RunListing> inTimeOrder) {
        return trend(inTimeOrder, false);
    }

    /** The chart's points from runs in time order; only completed runs, and drafts only when {@code drafts}. */
    static Trend trend(List<RunListing> inTimeOrder, boolean drafts) {
        List<String> names = new ArrayList<>();
        List<TrendPoint> accuracy = new ArrayList<>();
        List<TrendPoint> kappa = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RunListing run : inTimeOrder) {
            OptionalDouble judgeVsTruth = run.metric("judge_vs_truth");
            OptionalDouble runKappa = run.metric("kappa");
            if (!"COMPLETED".equals(run.record().status())
                    || judgeVsTruth.isEmpty() && runKappa.isEmpty()
                    || run.draft() && !drafts) {
                continue;
            }
            // Two runs renamed alike would share one place on a category axis; the id tells them apart.
            String name = seen.merge(run.displayName(), 1, Integer::sum) == 1
                    ? run.displayName()
                    : run.displayName() + " (#" + run.id() + ")";
            names.add(name);
            judgeVsTruth.ifPresent(value -> accuracy.add(point(run, name, "judge_vs_truth", value)));
            runKappa.ifPresent(value -> kappa.add(point(run, name, "kappa", value)));
        }
        return new Trend(List.copyOf(names), List.copyOf(accuracy), List.copyOf(kappa));
    }

    /** The run's value of a metric with the interval its stored metrics keep ({@code metric_ci_low}, …). */
    private static TrendPoint point(RunListing run, String name, String metric, double value) {
        return new TrendPoint(
                run.id(),
                name,
                value,
                run.metric(metric + "_ci_low").orElse(Double.NaN),
                run.metric(metric + "_ci_high").orElse(Double.NaN));
    }

    /** Writes the trend chart's image as a PNG in the background and says where. */
    public CompletableFuture<Path> savePng(java.awt.image.BufferedImage image, Path file) {
        return PngFiles.write(executor, image, file)
                .whenComplete((written, failure) -> message.set(
                        failure == null
                                ? "Saved the chart to " + written + "."
                                : "Could not save the chart: " + LatestOnly.messageOf(failure)));
    }

    /** Oldest first by creation time (the id breaks ties): "the run before" is the one created before it. */
    static List<RunListing> inTimeOrder(List<RunListing> summaries) {
        return summaries.stream()
                .sorted(Comparator.comparing((RunListing s) -> s.record().createdAt())
                        .thenComparingLong(RunListing::id))
                .toList();
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

    /**
     * Compares the chosen runs: two of them with each other (the earlier as before), or one with the run listed
     * before it in time.
     */
    public void compare(List<Long> chosen) {
        if (chosen.size() == 2) {
            compareTarget.compare(Math.min(chosen.get(0), chosen.get(1)), Math.max(chosen.get(0), chosen.get(1)));
            return;
        }
        if (chosen.size() != 1) {
            message.set("Choose one run (to compare with the one before it) or two.");
            return;
        }
        long id = chosen.get(0);
        for (int i = 0; i < runs.size() - 1; i++) { // newest first: the one before a run is the next line
            if (runs.get(i).id() == id) {
                compareTarget.compare(runs.get(i + 1).id(), id);
                return;
            }
        }
        message.set("That is the project's first run: choose two runs to compare, or run again.");
    }

    private void change(java.util.function.Consumer<Project> edit) {
        Project editing = project;
        if (editing == null) {
            return;
        }
        executor.submit(() -> {
                    edit.accept(editing);
                    return null;
                })
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        message.set(LatestOnly.messageOf(failure));
                    } else {
                        refresh();
                    }
                });
    }
}
