package io.arbiter.ui.compare;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.project.ComparedRuns;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunComparison;
import io.arbiter.core.project.RunSummary;
import io.arbiter.core.prompt.PromptDiff;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Two runs of the open project side by side: their prompts with the changes marked, what else changed, how the
 * headline metrics moved, McNemar's test on the rows both judged, and the rows whose verdict flipped, each one click
 * from the row in the results.
 */
public final class CompareViewModel {

    /** A run in the A and B choosers. */
    public record RunChoice(long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Whether a metric's move is good news; base-vs-judge agreement is neither. */
    public enum Trend { BETTER, WORSE, SAME, NEUTRAL }

    /** One metric in both runs. */
    public record DeltaLine(String metric, String a, String b, String change, Trend trend) {
    }

    /**
     * A row whose verdict flipped. {@code reading} says whether B's verdict now agrees with the truth about B's base
     * answer ("now right", "now wrong", ...).
     */
    public record FlipLine(int row, String input, String truth, String baseA, String baseB, String verdictA,
                           String verdictB, String reading) {
        /** The row number as the results table shows it, from 1. */
        public String number() {
            return Integer.toString(row + 1);
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
    private final ObservableList<DeltaLine> deltas = FXCollections.observableArrayList();
    private final ObservableList<FlipLine> flips = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PromptDiff> judgeDiff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PromptDiff> baseDiff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper settings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mcnemar = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper flipsSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NO_PROJECT);
    private final AtomicLong generation = new AtomicLong();
    private Project project;
    private ComparedRuns shown;
    /** While the choosers are refilled, their changes must not start comparisons. */
    private boolean filling;

    private static final String NO_PROJECT = "Open or create a project: its runs can be compared here.";

    public CompareViewModel(TaskExecutor executor, FlipTarget target) {
        this.executor = executor;
        this.target = target;
        runA.addListener((obs, old, now) -> compareChosen());
        runB.addListener((obs, old, now) -> compareChosen());
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

    public ObservableList<DeltaLine> deltas() {
        return deltas;
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

    public ReadOnlyStringProperty flipsSummaryProperty() {
        return flipsSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // Commands

    /** The project whose runs are compared (null: none); A and B become its two latest runs. UI thread. */
    public CompletableFuture<Void> useProject(Project opened) {
        project = opened;
        clear();
        fill(List.of(), null, null); // run ids belong to a project: the new one starts from its latest two
        if (opened == null) {
            message.set(NO_PROJECT);
            return CompletableFuture.completedFuture(null);
        }
        return refresh();
    }

    /** Reads the project's runs again (after a run or a delete), keeping A and B when they still exist. */
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
                message.set(messageOf(failure));
                return null;
            }
            List<RunChoice> list = new ArrayList<>();
            for (int i = runs.size() - 1; i >= 0; i--) {
                list.add(choice(runs.get(i)));
            }
            RunChoice a = keep(list, runA.get());
            RunChoice b = keep(list, runB.get());
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
            if (shown == null || !current(runs, shown.a()) || !current(runs, shown.b())
                    || shown.a().id() != a.id() || shown.b().id() != b.id()) {
                compare(a.id(), b.id());
            }
            return null;
        });
    }

    /** Compares run {@code a} (before) with run {@code b} (after), choosing them in the choosers. */
    public CompletableFuture<ComparedRuns> compare(long a, long b) {
        Project reading = project;
        if (reading == null) {
            return CompletableFuture.completedFuture(null);
        }
        filling = true;
        choices.stream().filter(c -> c.id() == a).findFirst().ifPresent(runA::set);
        choices.stream().filter(c -> c.id() == b).findFirst().ifPresent(runB::set);
        filling = false;
        long current = generation.incrementAndGet();
        if (a == b) {
            clear();
            message.set("A and B are the same run: choose another for one side.");
            return CompletableFuture.completedFuture(null);
        }
        message.set("Comparing run " + a + " with run " + b + "…");
        // Read and laid out in the background: the diffs and the flipped rows are linear in the prompts and the rows.
        CompletableFuture<Shown> read = executor.submit(() -> Shown.of(reading.compareRuns(a, b)));
        read.whenComplete((view, failure) -> {
            if (current != generation.get() || reading != project) {
                return;
            }
            if (failure != null) {
                clear();
                message.set(messageOf(failure));
                return;
            }
            show(view);
        });
        return read.thenApply(Shown::compared);
    }

    /** Shows run B in the results with only the flipped rows, {@code flip} selected (its detail beside). */
    public void showFlip(FlipLine flip) {
        ComparedRuns compared = shown;
        if (compared == null || flip == null) {
            return;
        }
        target.show(compared.b().id(), flippedRows(compared), flipDescription(compared), flip.row());
    }

    /** Shows run B in the results with only the flipped rows. */
    public void showAllFlips() {
        ComparedRuns compared = shown;
        if (compared == null || compared.comparison().flips().isEmpty()) {
            return;
        }
        target.show(compared.b().id(), flippedRows(compared), flipDescription(compared), -1);
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
        if (shown != null && shown.a().id() == runA.get().id() && shown.b().id() == runB.get().id()) {
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
        judgeDiff.set(null);
        baseDiff.set(null);
        settings.set("");
        mcnemar.set("");
        flipsSummary.set("");
    }

    /** A comparison laid out for the screen, off the FX thread. */
    private record Shown(ComparedRuns compared, List<DeltaLine> deltas, PromptDiff judgeDiff, PromptDiff baseDiff,
                         String settings, String mcnemar, List<FlipLine> flips, String flipsSummary, String message) {

        static Shown of(ComparedRuns compared) {
            RunComparison comparison = compared.comparison();
            PromptVersion a = compared.promptsA();
            PromptVersion b = compared.promptsB();
            List<String> changes = new ArrayList<>(compared.settingChanges());
            if (a == null || b == null) {
                changes.add(0, (a == null ? compared.a() : compared.b()).displayName()
                        + " was saved without its prompts (an older project format)");
            }
            List<FlipLine> lines = new ArrayList<>(comparison.flips().size());
            int nowRight = 0;
            int nowWrong = 0;
            Map<Integer, RowResult> byRowA = byRow(compared.rowsA());
            Map<Integer, RowResult> byRowB = byRow(compared.rowsB());
            for (RunComparison.Flip flip : comparison.flips()) {
                FlipLine line = flipLine(compared, flip, byRowA, byRowB);
                nowRight += line.reading().equals(NOW_RIGHT) ? 1 : 0;
                nowWrong += line.reading().equals(NOW_WRONG) ? 1 : 0;
                lines.add(line);
            }
            String summary = lines.isEmpty() ? "No verdict flipped between the two runs."
                    : String.format(Locale.ROOT, "%d row%s flipped: %d now agree%s with the truth, %d now disagree%s.",
                    lines.size(), lines.size() == 1 ? "" : "s", nowRight, nowRight == 1 ? "s" : "", nowWrong,
                    nowWrong == 1 ? "s" : "");
            String unfinished = java.util.stream.Stream.of(compared.a(), compared.b())
                    .filter(run -> run.record().metricsJson() == null).map(RunSummary::displayName).distinct()
                    .collect(java.util.stream.Collectors.joining(" and "));
            String message = compared.a().displayName() + " (A) → " + compared.b().displayName() + " (B)"
                    + (unfinished.isEmpty() ? "" : " · " + unfinished + " has not finished: compared on the rows so far");
            return new Shown(compared, comparison.deltas().stream().map(CompareViewModel::deltaLine).toList(),
                    a == null || b == null ? null : PromptDiff.of(a.judgeText(), b.judgeText()),
                    a == null || b == null ? null : PromptDiff.of(a.baseText(), b.baseText()),
                    changes.isEmpty() ? "Same models, parameters and dataset." : String.join(" · ", changes),
                    mcnemarText(comparison), lines, summary, message);
        }
    }

    private void show(Shown view) {
        shown = view.compared();
        deltas.setAll(view.deltas());
        judgeDiff.set(view.judgeDiff());
        baseDiff.set(view.baseDiff());
        settings.set(view.settings());
        mcnemar.set(view.mcnemar());
        flips.setAll(view.flips());
        flipsSummary.set(view.flipsSummary());
        message.set(view.message());
    }

    static final String NOW_RIGHT = "now right";
    static final String NOW_WRONG = "now wrong";

    static DeltaLine deltaLine(RunComparison.Delta delta) {
        boolean kappa = delta.metric().equals("kappa");
        String a = value(delta.a(), kappa);
        String b = value(delta.b(), kappa);
        OptionalDouble change = delta.change();
        if (change.isEmpty()) {
            return new DeltaLine(label(delta.metric()), a, b, "n/a", Trend.NEUTRAL);
        }
        double d = change.getAsDouble();
        String text = kappa ? String.format(Locale.ROOT, "%+.3f", d)
                : String.format(Locale.ROOT, "%+.1f pts", 100 * d);
        boolean neutral = delta.metric().equals("base_vs_judge");
        // Both are shown to three decimals of the rate: a change that rounds to nothing is no change.
        boolean same = Math.abs(d) < 0.0005;
        Trend trend = same ? Trend.SAME : neutral ? Trend.NEUTRAL : d > 0 ? Trend.BETTER : Trend.WORSE;
        return new DeltaLine(label(delta.metric()), a, b, same ? "no change" : text, trend);
    }

    private static String label(String metric) {
        return switch (metric) {
            case "base_vs_truth" -> "Base vs truth";
            case "judge_vs_truth" -> "Judge vs truth";
            case "base_vs_judge" -> "Base vs judge";
            case "kappa" -> "Cohen's kappa (judge vs truth)";
            default -> metric;
        };
    }

    private static String value(OptionalDouble value, boolean kappa) {
        if (value.isEmpty()) {
            return "n/a";
        }
        return kappa ? String.format(Locale.ROOT, "%.3f", value.getAsDouble())
                : String.format(Locale.ROOT, "%.1f%%", 100 * value.getAsDouble());
    }

    static String mcnemarText(RunComparison comparison) {
        McNemar test = comparison.mcnemar();
        String counts = String.format(Locale.ROOT, "McNemar's test on the %,d rows both runs judged: %d went Correct → "
                + "Incorrect, %d Incorrect → Correct", comparison.pairedRows(), test.b(), test.c());
        if (test.b() + test.c() == 0) {
            return counts + "; no verdict changed.";
        }
        String p = test.p() < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", test.p());
        String how = test.exact() ? "exact binomial " + p : String.format(Locale.ROOT, "χ² = %.2f, %s", test.statistic(), p);
        String reading = test.p() < 0.05 ? "the judge's verdicts changed more than chance would explain."
                : "a change this size could be chance.";
        return counts + " (" + how + "): " + reading;
    }

    private static FlipLine flipLine(ComparedRuns compared, RunComparison.Flip flip, Map<Integer, RowResult> byRowA,
                                     Map<Integer, RowResult> byRowB) {
        RowResult a = byRowA.get(flip.row());
        RowResult b = byRowB.get(flip.row());
        Dataset dataset = compared.dataset();
        ColumnMapping mapping = compared.mapping();
        String input = "";
        if (dataset != null && mapping != null && flip.row() < dataset.size()) {
            int column = dataset.columns().indexOf(mapping.inputColumns().get(0));
            input = column < 0 ? "" : oneLine(dataset.value(flip.row(), column));
        }
        List<String> truth = b == null ? List.of() : b.truth();
        return new FlipLine(flip.row(), input, String.join(", ", truth), answer(a), answer(b), word(flip.a()),
                word(flip.b()), reading(a, b));
    }

    /** Whether B's verdict agrees with the truth about B's base answer, compared with A's. */
    private static String reading(RowResult a, RowResult b) {
        Boolean rightA = agrees(a);
        Boolean rightB = agrees(b);
        if (rightA == null || rightB == null) {
            return "no truth";
        }
        if (rightA && !rightB) {
            return NOW_WRONG;
        }
        if (!rightA && rightB) {
            return NOW_RIGHT;
        }
        return rightB ? "right in both (base answer changed)" : "wrong in both (base answer changed)";
    }

    private static Boolean agrees(RowResult row) {
        if (row == null || row.verdict() == null || !row.verdict().parsed()) {
            return null;
        }
        TruthMatch match = TruthMatch.ofBase(row.truth(), row.baseAnswer());
        if (!match.scored()) {
            return null;
        }
        return (row.verdict().evaluation() == Evaluation.CORRECT) == (match == TruthMatch.RIGHT);
    }

    private static String answer(RowResult row) {
        if (row == null || row.baseAnswer() == null) {
            return "";
        }
        return row.baseAnswer().label() != null ? row.baseAnswer().label() : oneLine(row.baseAnswer().raw());
    }

    private static String word(Evaluation evaluation) {
        return evaluation == Evaluation.CORRECT ? "Correct" : "Incorrect";
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 159) + "…" : flat;
    }

    private static Map<Integer, RowResult> byRow(List<RowResult> rows) {
        Map<Integer, RowResult> byRow = new java.util.HashMap<>(rows.size() * 2);
        rows.forEach(r -> byRow.put(r.row(), r));
        return byRow;
    }

    private static Set<Integer> flippedRows(ComparedRuns compared) {
        Set<Integer> rows = new LinkedHashSet<>();
        compared.comparison().flips().forEach(f -> rows.add(f.row()));
        return rows;
    }

    private static String flipDescription(ComparedRuns compared) {
        return "rows whose verdict flipped from " + compared.a().displayName() + " to " + compared.b().displayName();
    }

    private static boolean current(List<RunSummary> runs, RunSummary shownRun) {
        return runs.stream().anyMatch(r -> r.record().equals(shownRun.record()));
    }

    private static RunChoice keep(List<RunChoice> list, RunChoice chosen) {
        return chosen == null ? null : list.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(null);
    }

    private static RunChoice choice(RunSummary run) {
        String models = run.record().judgeModel() == null ? "" : " · " + run.record().judgeModel();
        return new RunChoice(run.id(), run.displayName() + " · " + java.time.format.DateTimeFormatter
                .ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(java.time.ZoneId.systemDefault())
                .format(run.record().createdAt()) + models);
    }

    private static String messageOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
