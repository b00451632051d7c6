package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compare asks whether the judge got more accurate, not whether its verdicts moved. */
class JudgeChangeTest {

    @Test
    void aStricterJudgeThatIsNoMoreAccurateIsNoChange() {
        // The case: "Be strict." flips 8 verdicts Correct → Incorrect; 4 of those rows had wrong answers (the
        // judge is now right), 4 had right ones (now wrong). Verdict flips: b = 8, c = 0, exact p = 2·0.5^8 = 0.0078.
        // Right/wrong: 4 right → wrong, 4 wrong → right, exact p = 1. 12 more rows unchanged and right.
        List<RatedRow> a = new ArrayList<>();
        List<RatedRow> b = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            a.add(row("Comedy", Evaluation.CORRECT)); // wrong answer accepted: judge wrong
            b.add(row("Comedy", Evaluation.INCORRECT)); // now rejected: judge right
            a.add(row("Drama", Evaluation.CORRECT)); // right answer accepted: judge right
            b.add(row("Drama", Evaluation.INCORRECT)); // now rejected: judge wrong
        }
        for (int i = 0; i < 12; i++) {
            a.add(row(i % 2 == 0 ? "Drama" : "Comedy", i % 2 == 0 ? Evaluation.CORRECT : Evaluation.INCORRECT));
            b.add(a.get(a.size() - 1));
        }

        JudgeChange change = JudgeChange.of(a, b);

        assertEquals(0.0078125, McNemar.of(8, 0).p(), 1e-12, "what counting verdict flips says");
        assertEquals(4, change.mcnemar().b());
        assertEquals(4, change.mcnemar().c());
        assertTrue(change.mcnemar().exact());
        assertEquals(1.0, change.mcnemar().p(), 1e-12, "no evidence the judge got more or less accurate");
        // Judge vs truth: its predictions (the label it names) did not change, so neither did their accuracy.
        assertEquals(0, change.judgeVsTruth().value(), 1e-12);
        // Sensitivity: A accepts all 10 right answers (4 flipped + 6 unchanged); B accepts 6 of 10 → −0.4.
        assertEquals(-0.4, change.sensitivity().value(), 1e-12);
        // Specificity: A rejects 6 of 10 wrong answers; B rejects all 10 → +0.4.
        assertEquals(0.4, change.specificity().value(), 1e-12);
        // 20 rows are below Bootstrap.MIN_ROWS: no interval, and none of zero width for the unchanged judge vs truth.
        assertEquals("0.00 (too few rows)", change.judgeVsTruth().format());
        assertFalse(change.kappa().hasInterval(), change.toString());
        // The same rows twice over (40): paired bootstrap intervals; judge vs truth never moves, so it has none.
        List<RatedRow> a2 = new ArrayList<>(a);
        a2.addAll(a);
        List<RatedRow> b2 = new ArrayList<>(b);
        b2.addAll(b);
        JudgeChange doubled = JudgeChange.of(a2, b2);
        assertTrue(doubled.sensitivity().ciLow() < -0.1 && doubled.sensitivity().ciHigh() < 0, doubled.toString());
        assertTrue(doubled.kappa().hasInterval(), "paired bootstrap over the 40 rows");
        assertEquals("0.00 (no spread in the rows)", doubled.judgeVsTruth().format());
    }

    @Test
    void noPairedRowsLeaveEveryChangeUndefined() {
        JudgeChange change = JudgeChange.of(List.of(), List.of());
        assertFalse(change.kappa().isDefined());
        assertFalse(change.judgeVsTruth().isDefined());
        assertEquals(0, change.mcnemar().b() + change.mcnemar().c());
    }

    /** A row with truth Drama whose base answer is {@code answer}; the judge names Drama and says {@code verdict}. */
    private static RatedRow row(String answer, Evaluation verdict) {
        return RatedRow.of(new ScoredRow(
                List.of("Drama"),
                new BaseAnswer(answer, answer),
                new JudgeVerdict("Drama," + verdict, "Drama", verdict),
                false));
    }
}
