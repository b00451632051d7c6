package io.arbiter.core.metrics;

import static io.arbiter.core.metrics.Rows.concat;
import static io.arbiter.core.metrics.Rows.row;
import static io.arbiter.core.metrics.Rows.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.verdict.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeReportTest {

    private static final Evaluation CORRECT = Evaluation.CORRECT;
    private static final Evaluation INCORRECT = Evaluation.INCORRECT;

    @Test
    void handMadeTableOfJudgeLoopMetricsTest() {
        // Rows with a parsed base answer and a parsed verdict and truth: 1 (Correct, right) tp, 2 tp, 3 (Incorrect,
        // wrong) tn, 4 (Incorrect, right) fn, 11 tp -> tp 3, fp 0, fn 1, tn 1. Row 7 has no truth: unlabelled,
        // Correct. Row 5 (base UNPARSED) and 6 (judge UNPARSED) are in neither.
        JudgeReport report = JudgeReport.of(LabelConfusionTest.TABLE);

        assertEquals(new AgreementTable(3, 0, 1, 1), report.judge().table());
        assertEquals(0.8, report.judge().agreement().value(), 1e-12);
        // pe = (3·4 + 2·1)/25 = 0.56, κ = (0.8 − 0.56)/0.44 = 0.545455
        assertEquals(0.24 / 0.44, report.judge().kappa().value(), 1e-12);
        assertEquals(0.75, report.judge().sensitivity().value(), 1e-12);
        assertEquals(1.0, report.judge().specificity().value(), 1e-12);
        assertEquals(4, report.judge().sensitivity().n());
        // The three accuracies are AccuracyCounts' with Wilson intervals around them.
        assertEquals(Wilson.interval(4, 7), report.baseVsJudge());
        assertEquals(Wilson.interval(5, 7), report.baseVsTruth());
        assertEquals(Wilson.interval(4, 6), report.judgeVsTruth());
        assertEquals(AccuracyCounts.of(LabelConfusionTest.TABLE), report.loop());
        // Row 7: p = 1/1, Rogan–Gladen (1 + 1 − 1)/(0.75 + 1 − 1) = 1.33 -> clipped to 1.
        assertEquals(1, report.corrected().unlabelled());
        assertEquals(1.0, report.corrected().estimate().value());
        assertEquals(0, report.labelledByHuman());
    }

    @Test
    void aHumanVerdictLabelsARowWithoutTruthAndTruthWinsAConflict() {
        List<RatedRow> rows = new ArrayList<>();
        rows.add(new RatedRow(row("", "Drama", "Drama", CORRECT), TruthMatch.WRONG)); // human only: fp
        rows.add(new RatedRow(row("Drama", "Drama", "Drama", CORRECT), TruthMatch.WRONG)); // truth says right: tp
        rows.add(RatedRow.of(row("", "Comedy", "Comedy", INCORRECT))); // unlabelled
        JudgeReport report = JudgeReport.ofRated(rows);

        assertEquals(new AgreementTable(1, 1, 0, 0), report.judge().table());
        assertEquals(1, report.labelledByHuman());
        assertEquals(1, report.truthHumanConflicts());
        assertEquals(1, report.corrected().unlabelled());
        assertEquals(0, report.corrected().judgeCorrect());
        // The accuracies stay ground-truth only: base vs truth 1/1.
        assertEquals(Wilson.interval(1, 1), report.baseVsTruth());
    }

    @Test
    void correctedAccuracyOnRowsWithoutTruth() {
        // Labelled: tp 40, fp 9, fn 6, tn 45 (Se 40/46, Sp 45/54); unlabelled: 30 Correct of 50 -> 0.616495
        List<ScoredRow> rows = concat(
                times(40, row("Drama", "Drama", "Drama", CORRECT)),
                times(9, row("Comedy", "Drama", "Drama", CORRECT)),
                times(6, row("Drama", "Drama", "Comedy", INCORRECT)),
                times(45, row("Comedy", "Drama", "Comedy", INCORRECT)),
                times(30, row("", "Drama", "Drama", CORRECT)),
                times(20, row("", "Drama", "Comedy", INCORRECT)));
        JudgeReport report = JudgeReport.of(rows);

        assertEquals(new AgreementTable(40, 9, 6, 45), report.judge().table());
        assertEquals(0.616495, report.corrected().estimate().value(), 1e-6);
        assertEquals(
                CorrectedAccuracy.of(new AgreementTable(40, 9, 6, 45), 30, 50, Bootstrap.standard()),
                report.corrected());
    }

    @Test
    void nothingYetIsAllUndefinedWithoutACrash() {
        JudgeReport report = JudgeReport.of(List.of());
        for (Estimate e : List.of(
                report.baseVsJudge(),
                report.baseVsTruth(),
                report.judgeVsTruth(),
                report.judge().agreement(),
                report.judge().kappa(),
                report.judge().ac1(),
                report.judge().mcc(),
                report.judge().sensitivity(),
                report.judge().specificity(),
                report.judge().precision(),
                report.judge().balancedAccuracy(),
                report.corrected().estimate(),
                report.baseLabels().macroF1())) {
            assertFalse(e.isDefined());
            assertEquals("n/a", e.format());
        }
        assertEquals("No parsed judge verdicts yet, so there is nothing to compare.", report.reading());
    }

    @Test
    void readingWhenTheJudgeRejectsRightAnswers() {
        // All 10 base answers right; the judge rejects 4 of them and predicts Comedy there (wrong itself).
        JudgeReport report = JudgeReport.of(concat(
                times(6, row("Drama", "Drama", "Drama", CORRECT)),
                times(4, row("Drama", "Drama", "Comedy", INCORRECT))));
        assertEquals(
                "Judge agreement (60%) understates base accuracy (100%): the judge rejects 40% of right answers,"
                        + " and is itself right on only 60% of its own predictions.",
                report.reading());
    }

    @Test
    void readingWhenTheJudgeAcceptsWrongAnswers() {
        // 5 right, 5 wrong; the judge accepts all 5 right and 3 of the wrong ones, and predicts the truth every time.
        JudgeReport report = JudgeReport.of(concat(
                times(5, row("Drama", "Drama", "Drama", CORRECT)),
                times(3, row("Comedy", "Drama", "Comedy", CORRECT)),
                times(2, row("Comedy", "Drama", "Comedy", INCORRECT))));
        assertEquals(
                "Judge agreement (80%) overstates base accuracy (50%): the judge accepts 60% of wrong answers.",
                report.reading());
    }

    @Test
    void readingWhenAgreementMatchesAccuracyButNotRowByRow() {
        // Right 5, wrong 5; the judge accepts 3 right and 2 wrong: 50% agreement vs 50% accuracy, κ = 0.2.
        JudgeReport report = JudgeReport.of(concat(
                times(3, row("Drama", "Drama", "Drama", CORRECT)),
                times(2, row("Drama", "Drama", "Drama", INCORRECT)),
                times(2, row("Comedy", "Drama", "Comedy", CORRECT)),
                times(3, row("Comedy", "Drama", "Comedy", INCORRECT))));
        assertEquals(
                "Judge agreement (50%) is close to base accuracy (50%), but row by row the judge agrees with "
                        + "the truth little beyond chance (kappa 0.20).",
                report.reading());
    }

    @Test
    void readingWithoutGroundTruth() {
        JudgeReport report = JudgeReport.of(
                concat(times(3, row("", "Drama", "Drama", CORRECT)), times(1, row("", "Drama", "Comedy", INCORRECT))));
        assertTrue(
                report.reading().startsWith("Without ground truth only the judge's view is known: it accepts 75%"),
                report.reading());
    }
}
