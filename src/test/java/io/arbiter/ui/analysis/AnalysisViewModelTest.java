package io.arbiter.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.AgreementTable;
import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.JudgeAgreement;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Judge analysis screen's figures, with no FX toolkit: they are the report's, and each cell opens its rows. */
class AnalysisViewModelTest {

    /** Truth, base answer, judge prediction, verdict; "" truth for a row without ground truth. */
    private static final String[][] RUN = {
        {"Drama", "Drama", "Drama", "Correct"}, // true accept
        {"Drama", "Drama", "Drama", "Correct"}, // true accept
        {"Crime, Drama", "Crime", "Crime", "Correct"}, // true accept, multi-label
        {"Comedy", "Comedy", "Drama", "Incorrect"}, // false reject
        {"Crime", "Drama", "Drama", "Correct"}, // false accept
        {"Horror", "Comedy", "Comedy", "Correct"}, // false accept
        {"Western", "Drama", "Western", "Incorrect"}, // true reject
        {"Sci-Fi", "Musical", "Sci-Fi", "Incorrect"}, // true reject, answer outside the truth labels
        {"", "Drama", "Drama", "Correct"}, // no truth
        {"", "Crime", "Drama", "Incorrect"}, // no truth
        {"Comedy", null, "Comedy", "Correct"}, // unparsed base answer
        {"Horror", "Horror", null, null}, // unparsed judge output
    };

    @TempDir
    Path dir;

    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private final ResultsViewModel results = new ResultsViewModel(executor);
    private final AtomicInteger shownResults = new AtomicInteger();
    private final AnalysisViewModel model = new AnalysisViewModel(executor, results, shownResults::incrementAndGet);
    private List<RowResult> rows;

    @BeforeEach
    void finishARun() {
        List<String[]> lines = new ArrayList<>();
        for (String[] row : RUN) {
            lines.add(new String[] {row[0]});
        }
        Dataset dataset = new Dataset("run.csv", List.of("Genre"), lines);
        results.show(dataset, new ColumnMapping(List.of("Genre"), "Genre", ","));
        assertNull(model.figuresProperty().get(), "nothing before a run");
        assertEquals(AnalysisViewModel.NOTHING_YET, model.statusProperty().get());
        rows = new ArrayList<>();
        for (int i = 0; i < RUN.length; i++) {
            rows.add(result(i, RUN[i]));
        }
        results.finish(
                rows, AccuracyCounts.of(rows.stream().map(RowResult::scored).toList()));
    }

    @Test
    void aFinishedRunShowsTheReportsOwnFigures() {
        AnalysisFigures figures = model.figuresProperty().get();
        assertNotNull(figures);
        JudgeReport report = JudgeReport.of(rows.stream().map(RowResult::scored).toList());

        assertEquals(
                List.of(
                        report.baseVsJudge().format(),
                        report.baseVsTruth().format(),
                        report.judgeVsTruth().format()),
                figures.accuracies().stream().map(AnalysisFigures.Bar::text).toList());
        assertEquals(report.reading(), figures.reading());
        JudgeAgreement judge = report.judge();
        assertEquals(
                List.of(
                        judge.agreement().format(),
                        judge.kappa().format(),
                        judge.ac1().format(),
                        judge.mcc().format(),
                        judge.sensitivity().format(),
                        judge.specificity().format(),
                        judge.precision().format(),
                        judge.balancedAccuracy().format()),
                figures.statistics().stream()
                        .map(AnalysisFigures.Statistic::value)
                        .toList());
        assertEquals(
                List.of(3L, 1L, 2L, 2L),
                figures.judgeCells().stream()
                        .map(AnalysisFigures.HeatCell::count)
                        .toList(),
                "true accepts, false rejects, false accepts, true rejects");
        AnalysisFigures.HeatCell falseAccepts = figures.judgeCells().get(2);
        assertEquals("falseAcceptCell", falseAccepts.id());
        assertEquals("50.0%", falseAccepts.rowPercent(), "2 of the 4 wrong answers");
        assertEquals("40.0%", falseAccepts.columnPercent(), "2 of the 5 Corrects");
        assertEquals(report.corrected().estimate().format(), figures.corrected());
        assertEquals(report.corrected().assumption(), figures.assumption());
        assertTrue(
                figures.correctedDetail().endsWith(AnalysisFigures.ppiLine(report.ppi())),
                "prediction-powered accuracy beside the corrected one: " + figures.correctedDetail());
        assertEquals(
                report.baseLabels().perLabelAccuracy().get("Drama").format(),
                figures.baseLabels()
                        .perLabel()
                        .get(figures.baseLabels().rows().indexOf("Drama"))
                        .text());
        assertTrue(figures.baseLabels().columns().contains("(other)"), "Musical is no truth label");
        assertTrue(
                model.statusProperty().get().startsWith("12 rows · computed in"),
                model.statusProperty().get());
    }

    @Test
    void whileHiddenReviewKeysOnlyMarkTheFiguresOutOfDateAndShowingComputesOnce() {
        AnalysisFigures before = model.figuresProperty().get();
        model.setShown(false);

        review(0, true);
        review(3, true);

        assertSame(before, model.figuresProperty().get(), "nothing recomputed while hidden");
        assertEquals("", model.judgeVsHumanProperty().get());
        model.setShown(true);
        assertNotSame(before, model.figuresProperty().get());
        assertTrue(
                model.judgeVsHumanProperty().get().contains("n = 2"),
                model.judgeVsHumanProperty().get());
    }

    @Test
    void everyCellAndBarShowsAsManyRowsAsItCounts() {
        AnalysisFigures figures = model.figuresProperty().get();
        for (AnalysisFigures.HeatCell cell : figures.judgeCells()) {
            model.showRows(cell.rows());
            assertEquals(cell.count(), results.rows().size(), cell.id());
        }
        for (AnalysisFigures.LabelMatrix matrix : List.of(figures.baseLabels(), figures.judgeLabels())) {
            for (List<AnalysisFigures.HeatCell> line : matrix.cells()) {
                for (AnalysisFigures.HeatCell cell : line) {
                    model.showRows(cell.rows());
                    assertEquals(cell.count(), results.rows().size(), cell.id());
                }
            }
            for (AnalysisFigures.Bar bar : matrix.perLabel()) {
                model.showRows(bar.rows());
                assertEquals(bar.estimate().n(), results.rows().size(), bar.id());
            }
        }
        for (AnalysisFigures.Bar bar : figures.accuracies()) {
            model.showRows(bar.rows());
            assertEquals(bar.estimate().n(), results.rows().size(), bar.id());
        }
        model.showRows(figures.judgeCells().get(2).rows());
        assertEquals(List.of(4, 5), results.rows().stream().map(r -> r.index()).toList());
        assertEquals(
                "Showing: judge false accepts (2 rows)",
                results.rowFilterSummaryProperty().get());
        assertTrue(shownResults.get() > 0, "the results table is brought into view");
    }

    @Test
    void againstHumanLabelsTheJudgeIsScoredOnTheReviewedRowsAlone() {
        review(0, true); // judge Correct: true accept
        review(4, false); // judge Correct: false accept (the truth agrees)
        review(6, false); // judge Incorrect: true reject
        review(8, true); // no ground truth, judge Correct: true accept
        review(11, false); // the judge's output is unparsed: not in any table

        assertEquals(List.of(3L, 1L, 2L, 2L), cellCounts(), "against the truth the human labels change nothing");
        // By hand: tp 2, fp 1, fn 0, tn 1. Agreement 3/4; pe = (3·2 + 1·2) / 16 = 0.5, kappa = (0.75 − 0.5) / 0.5.
        JudgeAgreement byHand = JudgeAgreement.of(new AgreementTable(2, 1, 0, 1), Bootstrap.standard());
        assertEquals(0.5, byHand.kappa().value(), 1e-12);
        String line = "Judge vs human: agreement " + byHand.agreement().format() + " · kappa "
                + byHand.kappa().format() + " · n = 4";
        assertEquals(line, model.judgeVsHumanProperty().get());

        model.againstProperty().set(AnalysisViewModel.Against.HUMAN);
        AnalysisFigures figures = model.figuresProperty().get();
        assertEquals(List.of(2L, 0L, 1L, 1L), cellCounts(), "true accepts, false rejects, false accepts, true rejects");
        assertEquals(byHand.agreement().format(), figures.statistics().get(0).value());
        assertEquals(byHand.kappa().format(), figures.statistics().get(1).value());
        assertEquals(4, figures.report().labelledByHuman());
        assertEquals(line, model.judgeVsHumanProperty().get());
        model.showRows(figures.judgeCells().get(2).rows());
        assertEquals(List.of(4), results.rows().stream().map(r -> r.index()).toList(), "the cell opens its rows");

        model.againstProperty().set(AnalysisViewModel.Against.BOTH);
        assertEquals(List.of(4L, 1L, 2L, 2L), cellCounts(), "the truth first, the human on row 9 without truth");
        assertEquals(1, model.figuresProperty().get().report().labelledByHuman());

        results.reviewing().undo();
        results.reviewing().undo();
        results.reviewing().undo();
        results.reviewing().undo();
        results.reviewing().undo();
        assertEquals("", model.judgeVsHumanProperty().get(), "no human labels, no line");
    }

    private void review(int row, boolean baseRight) {
        results.reviewing().label(results.allRows().get(row), baseRight);
    }

    private List<Long> cellCounts() {
        return model.figuresProperty().get().judgeCells().stream()
                .map(AnalysisFigures.HeatCell::count)
                .toList();
    }

    @Test
    void withEveryRowLabelledTheCorrectedAccuracyIsNotApplicable() {
        List<RowResult> labelled =
                rows.stream().filter(r -> !r.truth().isEmpty()).toList();
        results.clearResults(); // a new run that answers only the labelled rows
        results.finish(
                labelled,
                AccuracyCounts.of(labelled.stream().map(RowResult::scored).toList()));

        assertEquals(AnalysisFigures.ALL_LABELLED, model.figuresProperty().get().corrected());
        assertEquals("", model.figuresProperty().get().assumption());
    }

    @Test
    void exportsTheReportAsMetricsJsonAndAChartAsPng() throws Exception {
        Path json = model.exportJson(dir.resolve("metrics.json")).get();
        JsonNode tree = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2, tree.get("confusion").get("fp").asLong());
        assertTrue(model.messageProperty().get().startsWith("Saved the metrics"));

        Path png = model.savePng(new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB), dir.resolve("chart.png"))
                .get();
        assertEquals(3, javax.imageio.ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void aNewDatasetClearsTheFigures() {
        results.clearResults();

        assertNull(model.figuresProperty().get());
        assertFalse(model.computingProperty().get());
    }

    private static RowResult result(int index, String[] row) {
        List<String> truth = row[0].isEmpty() ? List.of() : List.of(row[0].split(",\\s*"));
        RowResult result = RowResult.pending(index, truth)
                .withBase(
                        StageOutcome.answered(String.valueOf(row[1]), Usage.NONE),
                        new BaseAnswer(String.valueOf(row[1]), row[1]));
        if (row[3] == null) {
            return result.withJudge(StageOutcome.answered("???", Usage.NONE), JudgeVerdict.unparsed("???"));
        }
        String raw = row[2] + "," + row[3];
        return result.withJudge(
                StageOutcome.answered(raw, Usage.NONE),
                new JudgeVerdict(raw, row[2], row[3].equals("Correct") ? Evaluation.CORRECT : Evaluation.INCORRECT));
    }
}
