package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderPreset;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promoting a reviewed row: it becomes a worked example in the spec and the preview, and leaves every metric. */
class WorkbenchViewModelTest {

    private final WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());
    private List<RowResult> run;

    @BeforeEach
    void openTheSampleWithAnsweredRows() {
        model.datasetSetup().openSample();
        Dataset sample = model.datasetProperty().get();
        run = new ArrayList<>();
        for (ResultsTableRow row : model.results().allRows()) {
            String truth = row.result().truth().get(0);
            // Every third answer is wrong; the judge accepts every answer.
            String answer = row.index() % 3 == 0 ? "Western".equals(truth) ? "Drama" : "Western" : truth;
            run.add(row.result()
                    .withBase(
                            StageOutcome.answered(answer + "\n", new Usage(10, 1)),
                            new BaseAnswer(answer + "\n", answer))
                    .withJudge(
                            StageOutcome.answered(truth + ",Correct", new Usage(20, 2)),
                            new JudgeVerdict(truth + ",Correct", truth, Evaluation.CORRECT)));
        }
        model.results()
                .finish(
                        run,
                        AccuracyCounts.of(run.stream().map(RowResult::scored).toList()));
        assertEquals(sample.size(), run.size());
    }

    @AfterEach
    void shutdown() {
        model.shutdown();
    }

    @Test
    void aPromotedRowIsAnExampleInTheSpecAndPreviewAndLeavesTheMetrics() {
        ResultsTableRow wrong = model.results().allRows().get(3);
        model.results().reviewing().label(wrong, false);
        model.results().reviewing().togglePromoted(wrong);

        assertTrue(wrong.promoted());
        assertEquals("★ example", wrong.exampleMark());
        assertTrue(
                model.statusProperty().get().endsWith("Add {{examples}} to the judge prompt to use it."),
                "the sample's judge prompt has no {{examples}}: "
                        + model.statusProperty().get());
        FewShotExample expected = new FewShotExample(
                3, run.get(3).baseAnswer().label(), false, run.get(3).truth().get(0));
        assertEquals(List.of(expected), model.prompts().examples());

        RunSpec spec =
                model.runCommands().specFor(ProviderPreset.OFFLINE.profile("http://127.0.0.1:1/v1", "b", "j", 1));
        assertEquals(List.of(expected), spec.examples());
        assertTrue(spec.promoted(3));

        // By hand: the metrics of every row but row 4.
        List<ScoredRow> others = new ArrayList<>();
        for (RowResult r : run) {
            if (r.row() != 3) {
                others.add(r.scored());
            }
        }
        AccuracyCounts byHand = AccuracyCounts.of(others);
        assertEquals(byHand, model.results().metricsProperty().get());
        assertNotEquals(AccuracyCounts.of(run.stream().map(RowResult::scored).toList()), byHand);
        model.lowerPaneProperty().set(WorkbenchViewModel.LowerPane.ANALYSIS); // computed when looked at
        assertEquals(
                run.size() - 1,
                model.analysis().figuresProperty().get().report().loop().rows());

        model.prompts()
                .judgeTextProperty()
                .set(model.prompts().judgeTextProperty().get() + "\n{{examples}}");
        assertTrue(
                model.prompts().judgePreviewProperty().get().contains("Example 1:"),
                model.prompts().judgePreviewProperty().get());
        assertTrue(model.prompts()
                .judgePreviewProperty()
                .get()
                .contains("Answer: " + expected.expectedPrediction() + ",Incorrect"));

        model.results().reviewing().togglePromoted(wrong);
        assertFalse(wrong.promoted());
        assertEquals(List.of(), model.prompts().examples());
        assertEquals(
                AccuracyCounts.of(run.stream().map(RowResult::scored).toList()),
                model.results().metricsProperty().get(),
                "back in the metrics");
    }

    @Test
    void onlyAReviewedRowCanBePromoted() {
        model.results().reviewing().togglePromoted(model.results().allRows().get(0));
        assertFalse(model.results().allRows().get(0).promoted());
        assertTrue(model.statusProperty().get().startsWith("Review the row first"));
    }
}
