package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import org.junit.jupiter.api.Test;

/**
 * Prediction-powered base accuracy against values computed independently from the rows themselves, not from counts,
 * by {@code src/test/resources/io/arbiter/core/metrics/ppi_reference.py} (numpy 2.4; run it with python3 to see
 * them again; the simulated cases are seeded).
 */
class PredictionPoweredTest {

    private static final double TOLERANCE = 1e-9;

    private static void check(PredictionPowered ppi, double... expected) {
        assertEquals(expected[0], ppi.classic().value(), TOLERANCE, "classic");
        assertEquals(expected[1], ppi.classic().ciLow(), TOLERANCE, "classic low");
        assertEquals(expected[2], ppi.classic().ciHigh(), TOLERANCE, "classic high");
        assertEquals(expected[3], ppi.lambda(), TOLERANCE, "lambda");
        assertEquals(expected[4], ppi.tuned().value(), TOLERANCE, "tuned");
        assertEquals(expected[5], ppi.tuned().ciLow(), TOLERANCE, "tuned low");
        assertEquals(expected[6], ppi.tuned().ciHigh(), TOLERANCE, "tuned high");
    }

    @Test
    void aSmallCaseWorkedByHand() {
        // L: y = 1,1,1,0,1,0 and f = 1,1,1,1,0,0 (tp 3, fp 1, fn 1, tn 1); U: 5 Correct of 8.
        // θ = 5/8 + (1 − 1)/6 = 0.625; var_U(f) = 8·(5/8)(3/8)/7 = 0.267857; y − f = 0,0,0,−1,1,0 has variance 2/5;
        // se = √(0.267857/8 + 0.4/6) = 0.31621, so 0.625 ± 0.6198 → [0.00474, 1] (clipped).
        check(
                PredictionPowered.of(new AgreementTable(3, 1, 1, 1), 5, 8),
                0.625000000000,
                0.004743977219,
                1.000000000000,
                0.128395061728,
                0.661316872428,
                0.255477167370,
                1.000000000000);
    }

    @Test
    void fiftyLabelledRowsBesideTwoThousandUnlabelled() {
        PredictionPowered ppi = PredictionPowered.of(new AgreementTable(30, 3, 4, 13), 1326, 2000);
        check(
                ppi,
                0.683000000000,
                0.576352903753,
                0.789647096247,
                0.659821163301,
                0.681979463490,
                0.585736895557,
                0.778222031423);
        assertTrue(ppi.tunedIsNarrower());
        assertEquals(50, ppi.labelled());
        assertEquals(2050, ppi.classic().n());
    }

    @Test
    void manyLabelledRowsAndAWeakerJudge() {
        check(
                PredictionPowered.of(new AgreementTable(189, 67, 25, 119), 402, 600),
                0.565000000000,
                0.505618436768,
                0.624381563232,
                0.346530955047,
                0.545395928651,
                0.501082569406,
                0.589709287897);
    }

    @Test
    void aJudgeThatAlwaysSaysCorrectGetsNoWeight() {
        // f = 1 everywhere: var(f) = 0, λ = 0, the tuned estimate is the labelled accuracy 3/5 = 0.6.
        PredictionPowered ppi = PredictionPowered.of(new AgreementTable(3, 2, 0, 0), 10, 10);
        assertEquals(0, ppi.lambda());
        assertEquals(0.6, ppi.tuned().value(), TOLERANCE);
        assertEquals(0.6, ppi.classic().value(), TOLERANCE, "1 + (3 − 5)/5 = 0.6");
    }

    @Test
    void fewerThanTwoRowsInEitherSetIsUndefined() {
        assertFalse(PredictionPowered.of(new AgreementTable(1, 0, 0, 0), 3, 5)
                .classic()
                .isDefined());
        assertFalse(PredictionPowered.of(new AgreementTable(2, 1, 0, 0), 1, 1)
                .tuned()
                .isDefined());
        assertFalse(PredictionPowered.of(AgreementTable.EMPTY, 0, 0).tunedIsNarrower());
    }

    @Test
    void theReportReadsTheRowsBaseVsTruthReads() {
        java.util.List<ScoredRow> rows = new java.util.ArrayList<>();
        // Labelled: tp 3, fp 1, fn 1, tn 1 as in the hand-worked case.
        rows.add(row("A", "A", Evaluation.CORRECT));
        rows.add(row("A", "A", Evaluation.CORRECT));
        rows.add(row("A", "A", Evaluation.CORRECT));
        rows.add(row("B", "A", Evaluation.CORRECT));
        rows.add(row("A", "A", Evaluation.INCORRECT));
        rows.add(row("B", "A", Evaluation.INCORRECT));
        // Unlabelled: 4 Correct of 7 with a parsed answer; one more Correct whose answer named no label is in neither.
        for (int i = 0; i < 7; i++) {
            rows.add(row(null, "A", i < 4 ? Evaluation.CORRECT : Evaluation.INCORRECT));
        }
        rows.add(new ScoredRow(java.util.List.of(), new BaseAnswer("??", null), verdict(Evaluation.CORRECT), false));
        // Not counted either: no verdict, an unparsed verdict, a labelled row whose answer named no label.
        rows.add(new ScoredRow(
                java.util.List.of("A"), new BaseAnswer("??", null), verdict(Evaluation.INCORRECT), false));
        rows.add(new ScoredRow(java.util.List.of(), new BaseAnswer("A", "A"), null, true));
        rows.add(row(null, "A", Evaluation.UNPARSED));

        PredictionPowered ppi = JudgeReport.of(rows).ppi();

        assertEquals(6, ppi.labelled());
        assertEquals(7, ppi.unlabelled());
        assertEquals(4.0 / 7, ppi.classic().value(), TOLERANCE, "4/7 + (1 − 1)/6");
    }

    private static ScoredRow row(String truth, String answer, Evaluation evaluation) {
        return new ScoredRow(
                truth == null ? java.util.List.of() : java.util.List.of(truth),
                new BaseAnswer(answer, answer),
                verdict(evaluation),
                false);
    }

    private static JudgeVerdict verdict(Evaluation evaluation) {
        return evaluation == Evaluation.UNPARSED ? JudgeVerdict.unparsed("?") : new JudgeVerdict("x", "A", evaluation);
    }
}
