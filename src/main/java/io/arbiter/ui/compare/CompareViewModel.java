package io.arbiter.ui.compare;

import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.project.RunPair;
import io.arbiter.core.prompt.PromptDiff;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Two runs of the open project side by side: their prompts with the changes marked, what else changed, how the
 * headline metrics moved, McNemar's test on the rows both judged, for scoring runs whose judge sits closer to people,
 * for pairwise runs each run's pair figures, and the rows whose verdict flipped, each one click from the row in the
 * results. Past 300 lines: each of those
 * is a property the view binds, kept here with the choosers that decide what they show.
 */
public final class CompareViewModel {

    /** A run in the A and B choosers. */
    public record RunChoice(long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Where a flipped row is shown: run B in the results, only the flipped rows, with {@code row} selected. */
    public interface FlipTarget {
        void show(long runB, Set<Integer> flippedRows, String description, int row);
    }

    private final TaskExecutor executor;
    private final FlipTarget target;
    private final ObservableList<RunChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<RunChoice> runA = new SimpleObjectProperty<>();
    private final ObjectProperty<RunChoice> runB = new SimpleObjectProperty<>();
    /** True until the user picks a pair: A and B then follow the project's two newest runs as runs are added. */
    private final BooleanProperty followNewest = new SimpleBooleanProperty(true);

    private final ObservableList<DeltaLine> deltas = FXCollections.observableArrayList();
    private final ObservableList<FlipLine> flips = FXCollections.observableArrayList();
    /** True when rows moved between the runs (a flipped verdict, a pair's changed outcome), to show in the results. */
    private final ReadOnlyBooleanWrapper changedRows = new ReadOnlyBooleanWrapper();

    private final ReadOnlyObjectWrapper<PromptDiff> judgeDiff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PromptDiff> baseDiff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper settings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mcnemar = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scores = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pairs = new ReadOnlyStringWrapper("");
    /** Two pairwise runs' own figures, read beside the comparison: a newer comparison supersedes them. */
    private final LatestOnly pairing;

    private final ReadOnlyStringWrapper flipsSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NO_PROJECT);
    private final LatestOnly comparisons;
    private Project project;
    private ComparisonText shown;
    /** While the choosers are refilled, their changes must not start comparisons. */
    private boolean filling;

    private static final String NO_PROJECT = "Open or create a project: its runs can be compared here.";

    public CompareViewModel(TaskExecutor executor, FlipTarget target) {
        this.executor = executor;
        this.target = target;
        this.comparisons = new LatestOnly(executor);
        this.pairing = new LatestOnly(executor);
        runA.addListener((obs, old, now) -> compareChosen());
        runB.addListener((obs, old, now) -> compareChosen());
        followNewest.addListener((obs, old, now) -> {
            if (now && !filling) {
                refresh();
            }
        });
    }

    // Properties

    public ObservableList<RunChoice> choices() {
        return choices;
    }

    public ObjectProperty<RunChoice> runAProperty() {
        return runA;
    }

    public ObjectProperty<RunChoice> runBProperty() {
        return runB;
    }

    /**
     * Whether A and B follow the project's two newest runs (true) or stay on the pair the user chose: choosing a run,
     * swapping or comparing from the Runs tab pins the pair; setting this true again follows the newest.
     */
    public BooleanProperty followNewestProperty() {
        return followNewest;
    }

    public ObservableList<DeltaLine> deltas() {
        return deltas;
    }

    public ReadOnlyBooleanProperty changedRowsProperty() {
        return changedRows.getReadOnlyProperty();
    }

    public ObservableList<FlipLine> flips() {
        return flips;
    }

    /** The judge prompt of A turned into B's; null until two runs are compared. */
    public ReadOnlyObjectProperty<PromptDiff> judgeDiffProperty() {
        return judgeDiff.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PromptDiff> baseDiffProperty() {
        return baseDiff.getReadOnlyProperty();
    }

    /** What changed besides the prompts: models, parameters, dataset. */
    public ReadOnlyStringProperty settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mcnemarProperty() {
        return mcnemar.getReadOnlyProperty();
    }

    /** For two scoring runs, whose judge sits closer to the human scores (Wilcoxon, McNemar); empty otherwise. */
    public ReadOnlyStringProperty scoresProperty() {
        return scores.getReadOnlyProperty();
    }

    /** For pairwise runs, each run's pair figures, one line each; empty when neither run compares pairs. */
    public ReadOnlyStringProperty pairsProperty() {
        return pairs.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty flipsSummaryProperty() {
        return flipsSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // Commands

    /** The project whose runs are compared (null: none); A and B follow its two latest runs. UI thread. */
    public CompletableFuture<Void> useProject(Project opened) {
        project = opened;
        filling = true;
        followNewest.set(true); // a pair pinned in the project before means nothing in this one
        filling = false;
        comparisons.supersede(); // a comparison under way belongs to the project before
        clear();
        fill(List.of(), null, null); // run ids belong to a project: the new one starts from its latest two
        if (opened == null) {
            message.set(NO_PROJECT);
            return CompletableFuture.completedFuture(null);
        }
        return refresh();
    }

    /**
     * Reads the project's runs again (after a run or a delete): A and B become the two newest, or, when the user
     * pinned a pair, stay on it while both still exist.
     */
    public CompletableFuture<Void> refresh() {
        Project reading = project;
        if (reading == null) {
            return CompletableFuture.completedFuture(null);
        }
        return executor.submit(reading::runs).handle((runs, failure) -> {
            if (reading != project) {
                return null;
            }
            if (failure != null) {
                message.set(LatestOnly.messageOf(failure));
                return null;
            }
            List<RunChoice> list = new ArrayList<>();
            for (int i = runs.size() - 1; i >= 0; i--) {
                list.add(choice(runs.get(i)));
            }
            RunChoice a = followNewest.get() ? null : keep(list, runA.get());
            RunChoice b = followNewest.get() ? null : keep(list, runB.get());
            if (a == null || b == null) {
                b = list.isEmpty() ? null : list.get(0);
                a = list.size() < 2 ? null : list.get(1);
            }
            fill(list, a, b);
            if (list.size() < 2) {
                clear();
                message.set("Compare needs two runs; this project has " + list.size() + ".");
                return null;
            }
            // Also when the same two runs have changed since (a run that was still being written, a rename).
            if (!showing(a.id(), b.id())
                    || !current(runs, shown.compared().a())
                    || !current(runs, shown.compared().b())) {
                compareNow(a.id(), b.id());
            }
            return null;
        });
    }

    /** Compares run {@code a} (before) with run {@code b} (after), choosing them in the choosers: the pair is pinned. */
    public CompletableFuture<RunPair> compare(long a, long b) {
        followNewest.set(false);
        return compareNow(a, b);
    }

    private CompletableFuture<RunPair> compareNow(long a, long b) {
        Project reading = project;
        if (reading == null) {
            return CompletableFuture.completedFuture(null);
        }
        filling = true;
        choices.stream().filter(c -> c.id() == a).findFirst().ifPresent(runA::set);
        choices.stream().filter(c -> c.id() == b).findFirst().ifPresent(runB::set);
        filling = false;
        if (a == b) {
            comparisons.supersede();
            clear();
            message.set("A and B are the same run: choose another for one side.");
            return CompletableFuture.completedFuture(null);
        }
        message.set("Comparing run " + a + " with run " + b + "…");
        pairing.submit(() -> PairSides.of(reading, a, b), pairs::set, failure -> pairs.set(""));
        // Read and laid out in the background: the diffs and the flipped rows are linear in the prompts and the rows.
        return comparisons
                .submit(() -> ComparisonText.of(reading.compareRuns(a, b)), this::show, failure -> {
                    clear();
                    message.set(LatestOnly.messageOf(failure));
                })
                .thenApply(ComparisonText::compared);
    }

    /** Shows run B in the results with only the flipped rows, {@code flip} selected (its detail beside). */
    public void showFlip(FlipLine flip) {
        ComparisonText compared = shown;
        if (compared == null || flip == null) {
            return;
        }
        target.show(compared.compared().b().id(), compared.flippedRows(), compared.flipDescription(), flip.row());
    }

    /** Shows run B in the results with only the flipped rows. */
    public void showAllFlips() {
        ComparisonText compared = shown;
        if (compared == null || compared.flippedRows().isEmpty()) {
            return;
        }
        target.show(compared.compared().b().id(), compared.flippedRows(), compared.flipDescription(), -1);
    }

    /** Swaps A and B. */
    public void swap() {
        RunChoice a = runA.get();
        RunChoice b = runB.get();
        if (a != null && b != null) {
            compare(b.id(), a.id());
        }
    }

    private void compareChosen() {
        if (filling || runA.get() == null || runB.get() == null) {
            return;
        }
        if (showing(runA.get().id(), runB.get().id())) {
            return;
        }
        compare(runA.get().id(), runB.get().id());
    }

    private void fill(List<RunChoice> list, RunChoice a, RunChoice b) {
        filling = true;
        choices.setAll(list);
        runA.set(a);
        runB.set(b);
        filling = false;
    }

    private void clear() {
        shown = null;
        deltas.clear();
        flips.clear();
        changedRows.set(false);
        judgeDiff.set(null);
        baseDiff.set(null);
        settings.set("");
        mcnemar.set("");
        scores.set("");
        pairing.supersede();
        pairs.set("");
        flipsSummary.set("");
    }

    private void show(ComparisonText view) {
        shown = view;
        deltas.setAll(view.deltas());
        judgeDiff.set(view.judgeDiff());
        baseDiff.set(view.baseDiff());
        settings.set(view.settings());
        mcnemar.set(view.mcnemar());
        scores.set(view.scores());
        flips.setAll(view.flips());
        changedRows.set(!view.flippedRows().isEmpty());
        flipsSummary.set(view.flipsSummary());
        message.set(view.message());
    }

    private boolean showing(long a, long b) {
        return shown != null
                && shown.compared().a().id() == a
                && shown.compared().b().id() == b;
    }

    private static boolean current(List<RunListing> runs, RunListing shownRun) {
        return runs.stream().anyMatch(r -> r.record().equals(shownRun.record()));
    }

    private static RunChoice keep(List<RunChoice> list, RunChoice chosen) {
        return chosen == null
                ? null
                : list.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(null);
    }

    private static RunChoice choice(RunListing run) {
        String models =
                run.record().judgeModel() == null ? "" : " · " + run.record().judgeModel();
        return new RunChoice(
                run.id(),
                run.displayName() + " · "
                        + java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT)
                                .withZone(java.time.ZoneId.systemDefault())
                                .format(run.record().createdAt())
                        + models);
    }
}
