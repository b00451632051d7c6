package io.arbiter.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.LevelBias;
import io.arbiter.core.metrics.ScoreFigures;
import io.arbiter.core.metrics.ScorePair;
import io.arbiter.core.project.ScoreRuns;
import io.arbiter.core.run.RowInterpreter;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Judge analysis screen on a scoring run: the score figures are {@link ScoreFigures}' own, over the rows people
 * scored in the dataset's human score column, and each opens the rows it counts.
 */
class AnalysisScoresTest {

    /** The judge's scores, row by row: a little harsher than people ({@link ScoreRuns#HUMAN}); 0 is off-format. */
    private static final int[] JUDGE = {4, 4, 2, 2, 1, 4, 3, 3, 1, 1, 3, 0, 3};

    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private final ResultsViewModel results = new ResultsViewModel(executor);
    private final AtomicInteger shownResults = new AtomicInteger();
    private final Dataset dataset = ScoreRuns.dataset();
    private final AnalysisViewModel model = new AnalysisViewModel(
            executor,
            results,
            shownResults::incrementAndGet,
            () -> new RowRatings(ScoreScheme.DEFAULT, dataset, ScoreRuns.MAPPING));
    private ScoreFigures expected;

    @BeforeEach
    void finishAScoringRun() {
        results.show(dataset, ScoreRuns.MAPPING);
        RowInterpreter interpreter =
                new RowInterpreter(ScoreScheme.DEFAULT, new LabelSet(List.of()), TaskKind.GENERATE);
        List<RowResult> rows = new ArrayList<>();
        List<ScorePair> pairs = new ArrayList<>();
        for (int i = 0; i < JUDGE.length; i++) {
            RowResult row = interpreter.existingAnswer(RowResult.pending(i, List.of()), dataset.value(i, "answer"));
            String reply = JUDGE[i] == 0 ? "Reads well." : "Mostly right.\nScore: " + JUDGE[i];
            rows.add(interpreter.judge(row, StageOutcome.answered(reply, Usage.NONE)));
            if (JUDGE[i] != 0 && ScoreRuns.HUMAN[i] != 0) {
                pairs.add(new ScorePair(JUDGE[i], ScoreRuns.HUMAN[i]));
            }
        }
        expected = ScoreFigures.of(pairs, ScoreScheme.DEFAULT.scale());
        results.finish(
                rows, AccuracyCounts.of(rows.stream().map(RowResult::scored).toList()));
    }

    @Test
    void theScoreFiguresAreScoreFiguresOwnOverTheDatasetsHumanScores() {
        AnalysisFigures figures = model.figuresProperty().get();
        assertNotNull(figures);
        ScoreSection scores = figures.scores();
        assertNotNull(scores, "a scoring run shows its score figures");
        assertEquals(expected, figures.report().scores());
        assertEquals(11, scores.n(), "row 11 off-format, row 12 not scored by people");

        assertEquals(
                texts(List.of(expected.meanJudge(), expected.meanHuman(), expected.meanDifference())),
                scores.means().stream().map(f -> f.bar().text()).toList());
        assertEquals(
                texts(List.of(
                        expected.exactAgreement(),
                        expected.withinOne(),
                        expected.weightedKappaLinear(),
                        expected.weightedKappaQuadratic(),
                        expected.spearman(),
                        expected.kendallTauB(),
                        expected.mae())),
                scores.agreement().stream().map(f -> f.bar().text()).toList());
        assertEquals("n = 11", scores.agreement().get(0).bar().counts(), "each figure says its n");
        assertEquals(
                expected.biasByHumanLevel().stream()
                        .map(LevelBias::meanDifference)
                        .map(Estimate::format)
                        .toList(),
                scores.bias().stream().map(f -> f.bar().text()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), scores.levels());
        for (int h = 1; h <= 5; h++) {
            for (int j = 1; j <= 5; j++) {
                AnalysisFigures.HeatCell cell = scores.confusion().get(h - 1).get(j - 1);
                assertEquals(expected.confusion().count(h, j), cell.count(), "human " + h + ", judge " + j);
                assertEquals(h == j, cell.diagonal());
            }
        }
        assertTrue(expected.meanDifference().value() < 0);
        assertTrue(scores.harshness().startsWith("The judge is harsher than people by "), scores.harshness());
        assertTrue(
                scores.harshness()
                        .contains(String.format(
                                java.util.Locale.ROOT,
                                "%.2f",
                                -expected.meanDifference().value())),
                scores.harshness());
        assertEquals("Rubric scores 1-5 against human scores · pass at 4", scores.title());
    }

    @Test
    void theHumanScoresAlsoDecidePassOrFailAndStayWhateverTheReferee() {
        assertEquals(
                AnalysisViewModel.Against.BOTH,
                model.againstProperty().get(),
                "without ground truth the figures are read against people until someone chooses otherwise");
        assertEquals(11, model.figuresProperty().get().judgeN());

        model.againstProperty().set(AnalysisViewModel.Against.TRUTH);
        model.recompute();
        assertEquals(AnalysisViewModel.Against.TRUTH, model.againstProperty().get(), "a person's choice stays");
        assertEquals(0, model.figuresProperty().get().judgeN(), "no ground truth in this dataset");

        model.againstProperty().set(AnalysisViewModel.Against.HUMAN);
        AnalysisFigures human = model.figuresProperty().get();
        assertEquals(expected, human.report().scores());
        assertEquals(11, human.judgeN(), "people's scores pass or fail the answers at 4");
        assertTrue(
                model.judgeVsHumanProperty().get().contains("n = 11"),
                model.judgeVsHumanProperty().get());
    }

    @Test
    void aHeatCellOpensTheRowsItCounts() {
        ScoreSection scores = model.figuresProperty().get().scores();
        AnalysisFigures.HeatCell harsh = scores.confusion().get(4).get(3); // people 5, judge 4
        assertEquals(expected.confusion().count(5, 4), harsh.count());

        model.showRows(harsh.rows());
        assertEquals(1, shownResults.get());
        assertEquals(
                List.of(0, 5), results.rows().stream().map(r -> r.index()).toList(), "rows 0 and 5: people 5, judge 4");

        model.showRows(scores.bias().get(0).bar().rows()); // people gave 1
        assertEquals(List.of(4, 9), results.rows().stream().map(r -> r.index()).toList());
    }

    @Test
    void aVerdictRunHasNoScoreSection() {
        AnalysisViewModel verdicts = new AnalysisViewModel(executor, results, () -> {});
        verdicts.recompute();
        assertNull(verdicts.figuresProperty().get().scores());
    }

    private static List<String> texts(List<Estimate> estimates) {
        return estimates.stream().map(Estimate::format).toList();
    }
}
