package io.arbiter.ui.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.export.ReliabilityJson;
import io.arbiter.core.metrics.AgreementTable;
import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.JudgeAgreement;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.PngFiles;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.results.ResultsViewModel;
import io.arbiter.ui.results.RowFilter;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * "Judge the judge": the full {@link JudgeReport} of the results, recomputed in the background whenever a run
 * finishes or the dataset changes, and the way from any figure to the rows behind it. Touch only on the UI thread.
 * Over 300 lines because the judge-against-human line, the rater choice and the rating of rows by what people said
 * (reviewers and the dataset's human columns, {@link RowRatings}) are computed with the report they sit beside; the figures themselves are the run's scheme's ({@code JudgeScheme.figures}).
 */
public final class AnalysisViewModel {

    /** Shown before there is anything to analyse. */
    public static final String NOTHING_YET = "Run both stages to see how far the judge can be trusted.";

    private static final Dataset NO_DATASET = new Dataset("none", List.of(), List.of());

    private final TaskExecutor executor;
    private final ResultsViewModel results;
    private final Supplier<RowRatings> ratings;
    private final Runnable showResults;
    /** Computations of the report: a newer one supersedes an older one. */
    private final LatestOnly computations;
    /** See {@link #setShown}; FX thread. */
    private boolean shown = true;

    private boolean outOfDate;
    private final ReadOnlyObjectWrapper<AnalysisFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(NOTHING_YET);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long lastComputeMillis = -1;
    private final ObjectProperty<Against> against = new SimpleObjectProperty<>(Against.TRUTH);
    /** Whether a person chose {@link #against}; until then a run without ground truth is read against people. */
    private boolean againstChosen;

    private boolean choosingAgainst;
    private final ReadOnlyStringWrapper judgeVsHuman = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ReliabilitySection> reliability = new ReadOnlyObjectWrapper<>();
    /** Who judged the run shown; null until told, then the rows' votes name the jurors by seat. */
    private JudgeSetup judging;

    /** What the statistics take as the truth about a base answer. */
    public enum Against {
        TRUTH("ground truth"),
        HUMAN("human labels"),
        BOTH("both (truth first)");

        private final String title;

        Against(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** Who says whether a base answer is right, as the 2×2 table's row headers name it. */
        public String referee() {
            return switch (this) {
                case TRUTH -> "Truth";
                case HUMAN -> "Human";
                case BOTH -> "Truth or human";
            };
        }

        /**
         * The row as this choice rates it, from the row as people rated it: the human verdict, the ground truth, or
         * both with the truth first. A human score stays in every case: scores are only ever checked against people.
         */
        RatedRow rate(RatedRow byPeople) {
            ScoredRow scored = byPeople.scored();
            if (scored.judgement() instanceof PairJudgement) {
                return byPeople; // a pair has no right answer: only people's preference counts, whatever is chosen
            }
            return switch (this) {
                case TRUTH -> new RatedRow(scored, TruthMatch.NOT_SCORED, byPeople.humanScore());
                case HUMAN -> new RatedRow(
                        new ScoredRow(List.of(), scored.base(), scored.judge(), scored.failed(), scored.score()),
                        byPeople.human(),
                        byPeople.humanScore());
                case BOTH -> byPeople;
            };
        }
    }

    /**
     * {@code showResults} brings the results table into view after a figure has chosen its rows. Rows are rated by
     * the results' scheme with no human columns of the dataset; see the other constructor.
     */
    public AnalysisViewModel(TaskExecutor executor, ResultsViewModel results, Runnable showResults) {
        this(
                executor,
                results,
                showResults,
                () -> new RowRatings(
                        results.scheme(),
                        results.dataset() == null ? NO_DATASET : results.dataset(),
                        new ColumnMapping(List.of(), null, "")));
    }

    /**
     * Rows rated by the results' scheme with what the dataset's human columns in {@code mapping} say (it may not
     * fit the dataset: then nothing from the dataset counts), beside reviewers' marks.
     */
    public static AnalysisViewModel rating(
            TaskExecutor executor, ResultsViewModel results, Runnable showResults, Supplier<ColumnMapping> mapping) {
        return new AnalysisViewModel(
                executor,
                results,
                showResults,
                () -> new RowRatings(results.scheme(), results.dataset(), mapping.get()));
    }

    /**
     * {@code ratings} gives, at each computation, how the rows shown are graded and what people said about them:
     * the run's scheme with the dataset's human score or verdict columns, so they count beside reviewers' marks.
     */
    public AnalysisViewModel(
            TaskExecutor executor, ResultsViewModel results, Runnable showResults, Supplier<RowRatings> ratings) {
        this.ratings = ratings;
        this.executor = executor;
        this.computations = new LatestOnly(executor);
        this.results = results;
        this.showResults = showResults;
        results.resultsVersionProperty().addListener((obs, old, now) -> recomputeWhenShown());
        results.reviewing().reviewVersionProperty().addListener((obs, old, now) -> recomputeWhenShown());
        against.addListener((obs, old, now) -> {
            againstChosen |= !choosingAgainst;
            recompute();
        });
    }

    /**
     * Whether the figures are on screen (they are unless told otherwise). While they are not, changes only mark them
     * out of date: reviewing rows one key at a time in the results would otherwise recompute every statistic, with
     * its bootstrap, for each key. Showing them again computes once.
     */
    public void setShown(boolean shown) {
        this.shown = shown;
        if (shown && outOfDate) {
            recompute();
        }
    }

    private void recomputeWhenShown() {
        if (shown) {
            recompute();
        } else {
            outOfDate = true;
        }
    }

    /** Against what the statistics are computed: ground truth, human labels, or both. */
    public ObjectProperty<Against> againstProperty() {
        return against;
    }

    /** "Judge vs human: agreement 0.83 [0.70, 0.91] · kappa … · n = 30"; empty without human labels. */
    public ReadOnlyStringProperty judgeVsHumanProperty() {
        return judgeVsHuman.getReadOnlyProperty();
    }

    // Properties

    /** The "Judge reliability" card of the latest report; null before a run has finished. */
    public ReadOnlyObjectProperty<ReliabilitySection> reliabilityProperty() {
        return reliability.getReadOnlyProperty();
    }

    /** The figures of the latest report; null before a run has finished. */
    public ReadOnlyObjectProperty<AnalysisFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** What the screen is based on: "84 rows · computed in 0.1 s", "Computing…", or why there is nothing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The outcome of the latest export. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How long the latest report took to compute, in milliseconds; -1 before the first. */
    public long lastComputeMillis() {
        return lastComputeMillis;
    }

    // Commands

    /** Who judged the run about to be shown (jurors, base model, repeats, prices); the next computation uses it. */
    public void useJudging(JudgeSetup setup) {
        judging = setup;
    }

    /**
     * Computes the report of the current results in the background. A newer computation supersedes an older one:
     * the older's figures are dropped when it finishes.
     */
    public void recompute() {
        outOfDate = false;
        if (!results.hasResultsProperty().get()) {
            computations.supersede();
            figures.set(null);
            reliability.set(null);
            judgeVsHuman.set("");
            computing.set(false);
            status.set(NOTHING_YET);
            return;
        }
        List<RowResult> snapshot = results.snapshot();
        if (!againstChosen
                && against.get() == Against.TRUTH
                && snapshot.stream().allMatch(r -> r.truth().isEmpty())) {
            // Nothing to read against but people (a free-text task, a judge-only log): "ground truth" would show
            // n/a everywhere. The listener computes again with the new choice.
            choosingAgainst = true;
            try {
                against.set(Against.BOTH);
            } finally {
                choosingAgainst = false;
            }
            return;
        }
        ReviewLog review = results.review().copy();
        RowScope scope = results.scope();
        RowRatings people = ratings.get();
        JudgeScheme scheme = people.scheme();
        Against rating = against.get();
        JudgeSetup setup = judging;
        computing.set(true);
        status.set(String.format(Locale.ROOT, "Computing the statistics of %,d rows…", snapshot.size()));
        computations.submitStoppable(
                superseded -> {
                    if (superseded.getAsBoolean()) {
                        return null; // superseded before it started: dropped unseen
                    }
                    long start = System.nanoTime();
                    List<RatedRow> rated = new ArrayList<>(snapshot.size());
                    List<RowResult> measured = new ArrayList<>(snapshot.size());
                    AgreementTable withHuman = AgreementTable.EMPTY;
                    for (RowResult row : snapshot) {
                        if (!scope.counts(row.row())) {
                            continue; // a worked example would flatter the judge; a draft's other rows were not asked
                        }
                        HumanVerdict human = review.verdictOn(row.row(), RowRatings.judgedAnswer(row))
                                .orElse(null); // a verdict on an earlier run's answer says nothing about this one
                        RatedRow byPeople = people.rate(row, human);
                        rated.add(rating.rate(byPeople));
                        measured.add(row);
                        if (byPeople.human().scored() && row.judgement() != null) {
                            Optional<Boolean> passes = scheme.passes(row.judgement());
                            if (passes.isPresent()) {
                                withHuman = withHuman.plus(passes.get(), byPeople.human() == TruthMatch.RIGHT);
                            }
                        }
                    }
                    AnalysisFigures computed = AnalysisFigures.of(
                            scheme.figures(rated), r -> rating.rate(people.rate(r.result(), r.human())), scheme);
                    JudgeSetup who = setup != null && setup.fits(measured) ? setup : JudgeSetup.fromVotes(measured);
                    ReliabilitySection card = ReliabilitySection.of(
                            JudgeReliability.of(who, measured, rated),
                            computed.report().pairs());
                    String lines = String.join(
                            "\n",
                            Stream.of(humanLine(withHuman), HeldOutLine.of(snapshot, review, people))
                                    .filter(line -> !line.isEmpty())
                                    .toList());
                    return new Computed(computed, card, lines, (System.nanoTime() - start) / 1_000_000);
                },
                computed -> {
                    computing.set(false);
                    lastComputeMillis = computed.millis();
                    figures.set(computed.figures());
                    reliability.set(computed.reliability());
                    judgeVsHuman.set(computed.judgeVsHuman());
                    status.set(String.format(
                            Locale.ROOT,
                            "%,d rows · computed in %.1f s · 95%% intervals: Wilson for "
                                    + "shares, seeded bootstrap (%,d resamples) for the rest",
                            snapshot.size(),
                            computed.millis() / 1000.0,
                            io.arbiter.core.metrics.Bootstrap.RESAMPLES));
                },
                failure -> {
                    computing.set(false);
                    status.set("The statistics could not be computed: " + LatestOnly.messageOf(failure));
                });
    }

    /** Shows the rows behind a figure in the results table and brings the table into view. */
    public void showRows(RowFilter rows) {
        results.showOnly(rows);
        showResults.run();
    }

    /** Writes the report as metrics JSON in the background; the message says how it went. */
    public CompletableFuture<Path> exportJson(Path file) {
        AnalysisFigures shown = figures.get();
        ReliabilitySection card = reliability.get();
        if (shown == null) {
            message.set("Nothing to export yet: run both stages first.");
            return CompletableFuture.failedFuture(new IllegalStateException("no report"));
        }
        return report(
                executor.submit(() -> {
                    ObjectNode json = MetricsJson.tree(shown.report());
                    if (card != null) { // the card's figures under the keys run --json gives them
                        ReliabilityJson.put(json, card.reliability());
                    }
                    Files.writeString(file, json.toString() + System.lineSeparator(), StandardCharsets.UTF_8);
                    return file;
                }),
                "metrics");
    }

    /** Writes a chart already drawn into an image as PNG, in the background. */
    public CompletableFuture<Path> savePng(BufferedImage image, Path file) {
        return report(PngFiles.write(executor, image, file), "chart");
    }

    private CompletableFuture<Path> report(CompletableFuture<Path> written, String what) {
        return written.whenComplete((file, failure) -> message.set(
                failure == null
                        ? "Saved the " + what + " to " + file + "."
                        : "Could not save the " + what + ": " + LatestOnly.messageOf(failure)));
    }

    /** The judge against the human verdicts, on rows with both: the line beside the "against" choice. */
    static String humanLine(AgreementTable table) {
        if (table.n() == 0) {
            return "";
        }
        JudgeAgreement agreement = JudgeAgreement.of(table, Bootstrap.standard());
        return String.format(
                Locale.ROOT,
                "Judge vs human: agreement %s · kappa %s · n = %,d",
                agreement.agreement().format(),
                agreement.kappa().format(),
                table.n());
    }

    private record Computed(
            AnalysisFigures figures, ReliabilitySection reliability, String judgeVsHuman, long millis) {}
}
