package io.arbiter.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judge analysis shows the judge against people on the held-out rows apart from the example rows. */
class HeldOutLineTest {

    @Test
    void theHeldOutRowsAreCountedApartFromTheExampleRows() {
        // Seed 42 holds out rows 4, 12, 13, 15, 16 of 20 (HeldOutSplitTest). Every row reviewed right; the judge
        // rejects 15 and 16: held out 3/5 = 0.60, Wilson [0.23, 0.88] (HeldOutChangeTest), κ 0 on 5 rows (too few
        // for an interval); example rows 15/15, Wilson [(1 + z²/30 − z·√(z²/900)) / (1 + z²/15), 1] = [0.80, 1.00].
        List<String[]> cells = new ArrayList<>();
        List<RowResult> rows = new ArrayList<>();
        ReviewLog review = new ReviewLog();
        review.useSplit(new HeldOutSplit(42, 0.25));
        for (int row = 0; row < 20; row++) {
            cells.add(new String[] {"text " + row, "Drama"});
            boolean correct = row != 15 && row != 16;
            String judged = "Drama," + (correct ? "Correct" : "Incorrect");
            rows.add(RowResult.pending(row, List.of("Drama"))
                    .withBase(StageOutcome.answered("Drama", Usage.NONE), new BaseAnswer("Drama", "Drama"))
                    .withJudge(
                            StageOutcome.answered(judged, Usage.NONE),
                            new JudgeVerdict(judged, "Drama", correct ? Evaluation.CORRECT : Evaluation.INCORRECT)));
            review.label(row, true, "ana", Instant.EPOCH);
        }
        RowRatings people = new RowRatings(
                JudgeSchemes.DEFAULT,
                new Dataset("rows", List.of("text", "genre"), cells),
                new ColumnMapping(List.of("text"), "genre", ","));

        assertEquals(
                "Held out (25% of rows, never examples): agreement 0.60 [0.23, 0.88] · kappa 0.00 (too few rows) · n = 5"
                        + " · example rows: agreement 1.00 [0.80, 1.00] · n = 15",
                HeldOutLine.of(rows, review, people));
        assertEquals("", HeldOutLine.of(rows, new ReviewLog(), people), "no split, no line");
    }
}
