package io.arbiter.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.RowPrompts;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsViewModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The row detail shows the selected row's own prompts, answers, tokens and errors. */
class DetailViewModelTest {

    private static final Dataset MOVIES = new Dataset(
            "movies.csv",
            List.of("Title", "Overview", "Genre"),
            List.of(
                    new String[] {"Quiet Harbor", "A widow reopens her late husband's inn.", "Drama"},
                    new String[] {"Cold Ledger", "An accountant, a syndicate, a body.", "Crime"}));
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",");
    private static final PromptPair PROMPTS = PromptPair.of(
            "Pick one of {{labels}}.\n[user]\n{{Overview}}",
            "Judge it.\n[user]\nPlot: {{Overview}}\nAnswer: {{base_answer}}");

    private final ResultsViewModel results = new ResultsViewModel(new SameThreadTaskExecutor());
    private final DetailViewModel model =
            new DetailViewModel(() -> new RowPrompts(MOVIES, MAPPING, PROMPTS, LabelSet.fromTruth(MOVIES, MAPPING)));

    @Test
    void showsTheSelectedRowsPromptsAnswersAndTokens() {
        results.show(MOVIES, MAPPING);
        RowResult second = RowResult.pending(1, List.of("Crime"))
                .withBase(StageOutcome.answered(" Drama\n", new Usage(40, 2)), new BaseAnswer(" Drama\n", "Drama"))
                .withJudge(
                        StageOutcome.answered("Crime,Incorrect", new Usage(90, 3)),
                        new JudgeVerdict("Crime,Incorrect", "Crime", Evaluation.INCORRECT));
        results.finish(List.of(second), AccuracyCounts.of(List.of(second.scored())));

        model.show(results.allRows().get(1));

        assertTrue(model.hasRowProperty().get());
        assertEquals("Row 2", model.titleProperty().get());
        assertEquals("Crime", model.truthProperty().get());
        assertEquals(
                "── system ──\nPick one of Crime, Drama.\n\n── user ──\nAn accountant, a syndicate, a body.",
                model.basePromptProperty().get());
        assertTrue(
                model.judgePromptProperty().get().endsWith("Plot: An accountant, a syndicate, a body.\nAnswer: Drama"),
                model.judgePromptProperty().get());
        assertEquals(" Drama\n", model.baseRawProperty().get());
        assertEquals("Label: Drama · wrong", model.baseParsedProperty().get());
        assertEquals("Crime,Incorrect", model.judgeRawProperty().get());
        assertEquals(
                "Prediction: Crime · Evaluation: Incorrect",
                model.judgeParsedProperty().get());
        assertEquals(
                "Base 40 prompt + 2 completion tokens · judge 90 + 3",
                model.usageProperty().get());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void reasoningIsShownApartAndTheJudgePromptHasOnlyTheAnswer() {
        results.show(MOVIES, MAPPING);
        RowResult row = RowResult.pending(1, List.of("Crime"))
                .withBase(
                        new StageOutcome(
                                "Crime", null, new Usage(40, 30), false, "A syndicate: Crime, not Drama.", null),
                        new BaseAnswer("Crime", "Crime"))
                .withJudge(
                        new StageOutcome(
                                null,
                                "refused: I can't help with that.",
                                new Usage(90, 9),
                                false,
                                null,
                                "{\"choices\":[{\"message\":{\"refusal\":\"I can't help with that.\"}}]}"),
                        null);
        results.finish(List.of(row), AccuracyCounts.of(List.of(row.scored())));

        model.show(results.allRows().get(1));

        assertEquals("Crime", model.baseRawProperty().get());
        assertEquals(
                "A syndicate: Crime, not Drama.", model.baseReasoningProperty().get());
        assertTrue(
                model.judgePromptProperty().get().endsWith("Answer: Crime"),
                model.judgePromptProperty().get());
        assertFalse(
                model.judgePromptProperty().get().contains("syndicate: Crime"), "reasoning never reaches the judge");
        assertEquals("", model.judgeReasoningProperty().get());
        assertTrue(
                model.judgeRawProperty().get().startsWith("(failed; the reply as received"),
                model.judgeRawProperty().get());
        assertTrue(model.judgeRawProperty().get().contains("\"refusal\":\"I can't help with that.\""));
        assertEquals(
                "Judge: refused: I can't help with that.", model.errorProperty().get());
    }

    @Test
    void aPendingRowShowsItsPromptsAndAFailedOneItsError() {
        results.show(MOVIES, MAPPING);
        model.show(results.allRows().get(0));
        assertEquals("(not run yet)", model.baseRawProperty().get());
        assertTrue(
                model.judgePromptProperty().get().endsWith("Answer: {{base_answer}}"),
                "without a base answer the placeholder stays: "
                        + model.judgePromptProperty().get());

        RowResult failed = RowResult.pending(0, List.of("Drama")).withBase(StageOutcome.failed("HTTP 500"), null);
        results.finish(List.of(failed), AccuracyCounts.of(List.of(failed.scored())));
        model.refresh();
        assertEquals("(failed)", model.baseRawProperty().get());
        assertEquals("Base: HTTP 500", model.errorProperty().get());

        model.show(null);
        assertFalse(model.hasRowProperty().get());
        assertEquals(DetailViewModel.NO_ROW, model.titleProperty().get());
    }
}
