package io.arbiter.ui.results;

import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.AccuracyTally;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoreFigures;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The figures above the results table: the metrics of the rows that count and the three accuracies in words, for a
 * scoring run the judge's scores against people's, and for a pairwise run the win rate and the judge's position
 * figures ({@link PairHeadline}). Touch only on the UI thread. Over 300 lines: the tiles are one set of properties
 * each scheme fills in its own words, kept together so the view binds them once, and the running counts that feed
 * them as a run streams in.
 */
public final class HeadlineFigures {

    private static final String BASE_VS_TRUTH = "Base vs truth";
    private static final String JUDGE_VS_TRUTH = "Judge vs truth";
    private static final String BASE_VS_JUDGE = "Base vs judge";

    /** Every row in dataset order, as it stands now. */
    private final Supplier<List<ResultsTableRow>> rows;
    /** Which of them the figures count. */
    private final Supplier<RowScope> scope;
    /** How the rows are graded: a scoring scheme adds the score figures. */
    private final Supplier<JudgeScheme> scheme;

    /**
     * While a large run streams in, the tiles are rewritten a few times a second at most: counting is cheap now, but
     * new text in ten labels costs a layout and a repaint of the tiles on every pulse.
     */
    private static final long SHOW_INTERVAL_NANOS = 250_000_000L;

    private final ReadOnlyBooleanWrapper hasResults = new ReadOnlyBooleanWrapper();
    private long lastShown;
    /**
     * The counts of the rows that count, kept up to date as a run replaces rows, so a streamed answer costs its own
     * row and never a recount of 50,000; null until a run streams in, and again whenever the counted rows change
     * otherwise (a promotion, a new run, a finished one).
     */
    private AccuracyTally tally;

    private final ReadOnlyObjectWrapper<AccuracyCounts> metrics =
            new ReadOnlyObjectWrapper<>(AccuracyCounts.of(List.of()));
    private final ReadOnlyStringWrapper baseVsJudge = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsTruth = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper judgeVsTruth = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsJudgeCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper baseVsTruthCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper judgeVsTruthCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper unparsedSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper scoreSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper truthTileTitle = new ReadOnlyStringWrapper(BASE_VS_TRUTH);
    private final ReadOnlyStringWrapper judgeTileTitle = new ReadOnlyStringWrapper(JUDGE_VS_TRUTH);
    private final ReadOnlyStringWrapper agreementTileTitle = new ReadOnlyStringWrapper(BASE_VS_JUDGE);
    /** A draft's figures in one line; empty unless the table shows a draft. */
    private final ReadOnlyStringWrapper draftLine = new ReadOnlyStringWrapper("");
    /**
     * True while the table shows a draft: its figures go to {@link #draftLineProperty()} and the tiles keep the main
     * run's, so trying a prompt on five rows never reads as the run's "100%, 5 of 5".
     */
    private boolean draft;
    /** A pairwise run's tiles as last computed; NONE before, and for other runs. */
    private PairHeadline lastPairs = PairHeadline.NONE;
    /** A scoring run's score figures as last computed; null before, and for verdict runs. */
    private ScoreFigures lastScores;

    /** Score figures bootstrap their intervals: computed off the UI thread, the latest request only. */
    private final LatestOnly scoring;

    HeadlineFigures(
            Supplier<List<ResultsTableRow>> rows,
            Supplier<RowScope> scope,
            Supplier<JudgeScheme> scheme,
            TaskExecutor executor) {
        this.scoring = new LatestOnly(executor);
        this.rows = rows;
        this.scope = scope;
        this.scheme = scheme;
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

    /** "Base vs truth", or for a scoring run the tile that shows the quadratic weighted kappa against people. */
    public ReadOnlyStringProperty truthTileTitleProperty() {
        return truthTileTitle.getReadOnlyProperty();
    }

    /** "Base vs judge", or for a pairwise run the tile that shows the win rate of A. */
    public ReadOnlyStringProperty agreementTileTitleProperty() {
        return agreementTileTitle.getReadOnlyProperty();
    }

    /** "Judge vs truth", or for a scoring run the tile that shows the mean judge and human scores. */
    public ReadOnlyStringProperty judgeTileTitleProperty() {
        return judgeTileTitle.getReadOnlyProperty();
    }

    /**
     * A scoring run's judge against people's scores: the means, the quadratic weighted kappa and the pass/fail
     * agreement, each with its interval; empty for a verdict run and until a run ends.
     */
    public ReadOnlyStringProperty scoreSummaryProperty() {
        return scoreSummary.getReadOnlyProperty();
    }

    /** "Draft on 5 rows: base vs judge 80% (4 of 5) · …"; empty unless a draft is shown. */
    public ReadOnlyStringProperty draftLineProperty() {
        return draftLine.getReadOnlyProperty();
    }

    // Commands

    /**
     * Counts in the rows a run has just replaced ({@code changes}, already in the table): each takes its earlier
     * answer out of the counts and puts its new one in. On a large dataset the tiles show the counts a few times a
     * second at most; a finished run shows its own.
     */
    void streamed(List<Replaced> changes) {
        if (changes.isEmpty()) {
            return;
        }
        hasResults.set(true);
        if (tally == null) {
            tally = tallyOfAll(); // the rows already hold the changes
        } else {
            RowScope counted = scope.get();
            for (Replaced change : changes) {
                if (counted.counts(change.row())) {
                    tally.remove(change.before().scored());
                    tally.add(change.after().scored());
                }
            }
        }
        long now = System.nanoTime();
        if (now - lastShown >= SHOW_INTERVAL_NANOS || rows.get().size() < 1_000) {
            lastShown = now;
            metrics.set(tally.counts());
        }
    }

    /** Shows the figures a finished run computed, so the screen shows exactly what the run found. */
    void finished(AccuracyCounts computed) {
        hasResults.set(true);
        tally = null;
        // The run left out the rows promoted when it started; rows promoted since must be left out too.
        metrics.set(scope.get().examples().isEmpty() ? computed : count());
        computeScores();
    }

    /** Counts again after a row joined or left the figures; before any results there is nothing to count. */
    void recount() {
        tally = null; // which rows count may have changed
        if (hasResults.get()) {
            metrics.set(count());
            computeScores();
        }
    }

    /** Back to the figures of no rows, before a run or on a new dataset. */
    void clear() {
        clear(false);
    }

    /**
     * Before a run: a draft ({@code forDraft}) counts apart in the draft line and leaves the tiles as they are;
     * anything else clears them.
     */
    void clear(boolean forDraft) {
        draft = forDraft;
        draftLine.set("");
        tally = null;
        hasResults.set(false);
        scoring.supersede();
        lastScores = null;
        lastPairs = PairHeadline.NONE;
        metrics.set(AccuracyCounts.of(List.of()));
        scoreSummary.set("");
        describe(metrics.get()); // the tiles' titles follow the scheme even before a run
    }

    /**
     * The score figures, shown in the tiles and in one line when computed. Rated as the export and the CLI rate a row
     * (a reviewer's score, else the dataset's) on this thread, then computed in the background: with intervals by
     * bootstrap, so only when a run ends or a review changes, not while rows stream.
     */
    private void computeScores() {
        JudgeScheme graded = scheme.get();
        if (!graded.scores() && !graded.pairs()) {
            scoring.supersede();
            scoreSummary.set("");
            return;
        }
        RowScope counted = scope.get();
        List<RatedRow> rated = new ArrayList<>();
        for (ResultsTableRow row : rows.get()) {
            if (counted.counts(row.index())) {
                rated.add(row.rated());
            }
        }
        scoring.submit(
                () -> graded.figures(rated),
                report -> {
                    if (draft) {
                        return; // the tiles and the score line stay the main run's
                    }
                    if (graded.pairs()) {
                        lastPairs = PairHeadline.of(report.pairs());
                        describe(metrics.get());
                        scoreSummary.set(lastPairs.line());
                        return;
                    }
                    ScoreFigures s = report.scores();
                    lastScores = s == null || s.n() == 0 ? null : s;
                    describe(metrics.get());
                    scoreSummary.set(scoreLine(report));
                },
                failure -> scoreSummary.set("Score figures could not be computed: " + LatestOnly.messageOf(failure)));
    }

    private String scoreLine(JudgeReport report) {
        String passFail = "pass/fail agreement " + report.judge().agreement().format();
        if (lastScores == null) {
            return "Scores " + report.scale() + ", pass at " + report.passAt()
                    + ": no row has both a judge score and a human score yet · " + passFail;
        }
        return "Scores " + report.scale() + ", pass at " + report.passAt() + " · exact "
                + lastScores.exactAgreement().format() + " · within one "
                + lastScores.withinOne().format() + " · "
                + passFail;
    }

    private AccuracyCounts count() {
        return tallyOfAll().counts();
    }

    private AccuracyTally tallyOfAll() {
        RowScope counted = scope.get();
        AccuracyTally all = new AccuracyTally();
        for (ResultsTableRow row : rows.get()) {
            if (counted.counts(row.index())) {
                RowResult result = row.result();
                // Most rows of a run just begun: counted without their scored form, on the window's thread.
                if (result.untouched()) {
                    all.addUnasked();
                } else {
                    all.add(result.scored());
                }
            }
        }
        return all;
    }

    /** A table row's result replaced by a newer one as a run streams in. */
    record Replaced(int row, RowResult before, RowResult after) {}

    private void describe(AccuracyCounts m) {
        if (draft) {
            draftLine.set(m.rows() == 0 ? "" : draftLine(m));
            return;
        }
        baseVsJudge.set(m.baseVsJudge().percent());
        baseVsTruth.set(m.baseVsTruth().percent());
        judgeVsTruth.set(m.judgeVsTruth().percent());
        JudgeScheme graded = scheme.get();
        baseVsJudgeCounts.set(counts(
                m.baseVsJudge(), graded instanceof ScoreScheme score ? "pass at " + score.passAt() : "say Correct"));
        baseVsTruthCounts.set(counts(m.baseVsTruth(), "answers right"));
        judgeVsTruthCounts.set(counts(m.judgeVsTruth(), "predictions right"));
        boolean scoring = scheme.get().scores();
        truthTileTitle.set(scoring ? "Quadratic κ vs human" : BASE_VS_TRUTH);
        judgeTileTitle.set(scoring ? "Mean judge vs human" : JUDGE_VS_TRUTH);
        if (scoring) {
            // Without ground truth the accuracies say nothing; these tiles show the scores against people's.
            ScoreFigures s = lastScores;
            baseVsTruth.set(s == null ? "n/a" : point(s.weightedKappaQuadratic()));
            baseVsTruthCounts.set(
                    s == null
                            ? "no rows with both scores yet"
                            : interval(s.weightedKappaQuadratic()) + " · " + s.n() + " rows");
            judgeVsTruth.set(s == null ? "n/a" : point(s.meanJudge()) + " vs " + point(s.meanHuman()));
            judgeVsTruthCounts.set(
                    s == null
                            ? "no rows with both scores yet"
                            : "Δ " + s.meanDifference().format());
        }
        agreementTileTitle.set(BASE_VS_JUDGE);
        if (graded.pairs()) {
            // Nothing is right or wrong in a pair: the tiles show which answer wins and how the judge's order leans.
            PairHeadline p = lastPairs;
            agreementTileTitle.set(PairHeadline.WIN_RATE_TITLE);
            truthTileTitle.set(PairHeadline.CONSISTENCY_TITLE);
            judgeTileTitle.set(PairHeadline.FIRST_POSITION_TITLE);
            baseVsJudge.set(p.winRate());
            baseVsJudgeCounts.set(p.winRateDetail());
            baseVsTruth.set(p.consistency());
            baseVsTruthCounts.set(p.consistencyDetail());
            judgeVsTruth.set(p.firstPosition());
            judgeVsTruthCounts.set(p.firstPositionDetail());
        }
        unparsedSummary.set("Unparsed: base " + m.unparsedBase() + " · judge " + m.unparsedJudge() + "   Errors: "
                + m.errors() + "   Rows: " + m.rows());
    }

    private static String draftLine(AccuracyCounts m) {
        return String.format(
                Locale.ROOT,
                "Draft on %d %s (the tiles keep the main run's): base vs judge %s (%s) · base vs truth %s · judge vs "
                        + "truth %s · unparsed %d · errors %d",
                m.rows(),
                m.rows() == 1 ? "row" : "rows",
                m.baseVsJudge().percent(),
                counts(m.baseVsJudge(), "agree"),
                m.baseVsTruth().percent(),
                m.judgeVsTruth().percent(),
                m.unparsedBase() + m.unparsedJudge(),
                m.errors());
    }

    private static String point(Estimate estimate) {
        return estimate.isDefined() ? String.format(Locale.ROOT, "%.2f", estimate.value()) : "n/a";
    }

    private static String interval(Estimate estimate) {
        return estimate.hasInterval()
                ? String.format(Locale.ROOT, "95%% CI [%.2f, %.2f]", estimate.ciLow(), estimate.ciHigh())
                : "no interval";
    }

    private static String counts(Proportion p, String what) {
        return p.n() == 0 ? "no rows yet" : p.hits() + " of " + p.n() + " " + what;
    }
}
