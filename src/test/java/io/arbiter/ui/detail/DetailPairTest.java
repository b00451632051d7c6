package io.arbiter.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.RowPrompts;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.PairRows;
import io.arbiter.ui.results.ResultsViewModel;
import org.junit.jupiter.api.Test;

/** The row detail of a pair: both answers, the judge's prompt and reply in each order, the outcome in words. */
class DetailPairTest {

    private final ResultsViewModel results = new ResultsViewModel(new SameThreadTaskExecutor());
    private final DetailViewModel model = new DetailViewModel(() -> new RowPrompts(
            PairRows.DATASET,
            PairRows.MAPPING,
            PromptPair.of(
                    "{{question}}",
                    "Which is better?\n[user]\n{{question}}\nFirst: {{answer_a}}\nSecond: {{answer_b}}"),
            LabelSet.empty()));

    @Test
    void anInconsistentPairShowsBothOrdersAndWhyItCountsAsATie() {
        PairRows.showIn(results);

        model.show(results.rows().get(4));

        assertTrue(model.pairProperty().get());
        assertEquals("Shakespeare.", model.baseRawProperty().get());
        assertEquals("William Shakespeare.", model.answerBProperty().get());
        assertTrue(model.judgePromptProperty().get().endsWith("First: Shakespeare.\nSecond: William Shakespeare."));
        assertTrue(model.judgePromptBAProperty().get().endsWith("First: William Shakespeare.\nSecond: Shakespeare."));
        assertEquals("The first reads better.\n[[A]]", model.judgeRawProperty().get());
        assertEquals(
                "The first reads better.\n[[A]]", model.judgeRawBAProperty().get());
        assertEquals(
                "Outcome: inconsistent · A shown first: A · B shown first: B (mapped back to A/B) · the orders "
                        + "disagree: counted as a tie in the win rate",
                model.judgeParsedProperty().get());
        assertEquals(
                "A shown first: The first reads better.\n\nB shown first: The first reads better.",
                model.judgeReasoningProperty().get());
        assertEquals(
                "Base 20 prompt + 5 completion tokens · judge 80 + 11",
                model.usageProperty().get());
        assertEquals("", model.baseParsedProperty().get());
    }

    @Test
    void aRowOfOneAnswerIsNoPair() {
        PairRows.showIn(results);
        model.show(results.rows().get(0));
        assertTrue(model.pairProperty().get());

        model.show(null);

        assertFalse(model.pairProperty().get());
        assertEquals("", model.answerBProperty().get());
        assertEquals("", model.judgeRawBAProperty().get());
    }
}
