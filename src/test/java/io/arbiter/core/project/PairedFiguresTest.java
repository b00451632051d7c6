package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedFiguresTest {

    @Test
    void flipsAreTheRowsJudgedInBothWhoseVerdictChangedAndMcNemarCountsThem() {
        // Row 0 stays Correct, row 1 Correct -> Incorrect, rows 2 and 3 Incorrect -> Correct, row 4 unparsed in B.
        List<RowResult> a = List.of(
                row(0, "Drama", "Drama", true),
                row(1, "Drama", "Drama", true),
                row(2, "Drama", "Western", false),
                row(3, "Drama", "Western", false),
                row(4, "Drama", "Drama", true));
        List<RowResult> b = new ArrayList<>(List.of(
                row(0, "Drama", "Drama", true),
                row(1, "Drama", "Western", false),
                row(2, "Drama", "Drama", true),
                row(3, "Drama", "Drama", true)));
        b.add(RowResult.pending(4, List.of("Drama"))
                .withBase(StageOutcome.answered("Drama", Usage.NONE), new BaseAnswer("Drama", "Drama"))
                .withJudge(StageOutcome.answered("??", Usage.NONE), JudgeVerdict.unparsed("??")));

        PairedFigures comparison = PairedFigures.of(a, b);

        assertEquals(4, comparison.pairedRows());
        assertEquals(
                List.of(
                        new PairedFigures.Flip(1, Evaluation.CORRECT, Evaluation.INCORRECT),
                        new PairedFigures.Flip(2, Evaluation.INCORRECT, Evaluation.CORRECT),
                        new PairedFigures.Flip(3, Evaluation.INCORRECT, Evaluation.CORRECT)),
                comparison.flips());
        assertEquals(1, comparison.mcnemar().b());
        assertEquals(2, comparison.mcnemar().c());
        assertEquals(1.0, comparison.mcnemar().p(), 1e-12, "2 * (1 + 3) / 8 capped at 1");
        PairedFigures.Delta baseVsTruth = comparison.deltas().get(0);
        assertEquals("base_vs_truth", baseVsTruth.metric());
        assertEquals(0.6, baseVsTruth.a().getAsDouble(), 1e-12);
        assertEquals(0.8, baseVsTruth.b().getAsDouble(), 1e-12);
        assertEquals(0.2, baseVsTruth.change().getAsDouble(), 1e-12);
    }

    /** A row whose base answered {@code base} and whose judge predicted {@code base} and said so. */
    private static RowResult row(int index, String truth, String base, boolean correct) {
        String judged = base + "," + (correct ? "Correct" : "Incorrect");
        return RowResult.pending(index, List.of(truth))
                .withBase(StageOutcome.answered(base, Usage.NONE), new BaseAnswer(base, base))
                .withJudge(
                        StageOutcome.answered(judged, Usage.NONE),
                        new JudgeVerdict(judged, base, correct ? Evaluation.CORRECT : Evaluation.INCORRECT));
    }
}
