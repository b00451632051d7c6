package io.arbiter.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.prompt.PromptDiff;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.ui.compare.DeltaLine.Trend;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The Compare screen's words and lines, worked from plain values without a project or the FX toolkit. */
class ComparisonTextTest {

    private static final PairedFigures.Flip ACCEPTED_THEN_REJECTED =
            new PairedFigures.Flip(0, Evaluation.CORRECT, Evaluation.INCORRECT);

    @Test
    void deltasReadInPointsAndSayWhichWayIsBetter() {
        DeltaLine judge = DeltaLine.of(
                new PairedFigures.Delta("judge_vs_truth", OptionalDouble.of(0.627), OptionalDouble.of(0.647)));
        assertEquals(new DeltaLine("Judge vs truth", "62.7%", "64.7%", "+2.0 pts", Trend.BETTER), judge);

        DeltaLine kappa =
                DeltaLine.of(new PairedFigures.Delta("kappa", OptionalDouble.of(0.162), OptionalDouble.of(0.045)));
        assertEquals(new DeltaLine("Cohen's kappa (judge vs truth)", "0.162", "0.045", "-0.117", Trend.WORSE), kappa);

        DeltaLine agreement = DeltaLine.of(
                new PairedFigures.Delta("base_vs_judge", OptionalDouble.of(0.747), OptionalDouble.of(0.647)));
        assertEquals(Trend.NEUTRAL, agreement.trend(), "agreeing more with the base model is not better by itself");

        DeltaLine none =
                DeltaLine.of(new PairedFigures.Delta("base_vs_truth", OptionalDouble.empty(), OptionalDouble.of(0.5)));
        assertEquals(new DeltaLine("Base vs truth", "n/a", "50.0%", "n/a", Trend.NEUTRAL), none);

        DeltaLine same = DeltaLine.of(
                new PairedFigures.Delta("base_vs_truth", OptionalDouble.of(0.6371), OptionalDouble.of(0.6372)));
        assertEquals(Trend.SAME, same.trend());
        assertEquals("no change", same.change());
    }

    @Test
    void mcNemarSaysExactOrChiSquareAndWhatItMeans() {
        // 5 vs 0 discordant rows: exact two-sided p = 2 × 0.5^5 = 0.0625.
        PairedFigures few = new PairedFigures(List.of(), List.of(), 84, McNemar.of(5, 0));
        assertEquals(
                "McNemar's test on the 84 rows both runs judged: 5 went Correct → Incorrect, 0 Incorrect → Correct"
                        + " (exact binomial p = 0.063): a change this size could be chance.",
                ComparisonText.mcnemarText(few));
        // 30 vs 10: chi-square (|30 − 10| − 1)² / 40 = 9.025, p ≈ 0.0027.
        PairedFigures many = new PairedFigures(List.of(), List.of(), 1000, McNemar.of(30, 10));
        assertEquals(
                "McNemar's test on the 1,000 rows both runs judged: 30 went Correct → Incorrect, 10 Incorrect → "
                        + "Correct (χ² = 9.03, p = 0.003): the judge's verdicts changed more than chance would explain.",
                ComparisonText.mcnemarText(many));
        PairedFigures none = new PairedFigures(List.of(), List.of(), 84, McNemar.of(0, 0));
        assertTrue(ComparisonText.mcnemarText(none).endsWith("; no verdict changed."));
    }

    @Test
    void aFlipReadsWhetherBsVerdictNowAgreesWithTheTruth() {
        // The base said Drama both times and the truth is Drama: A's Correct was right, B's Incorrect is wrong.
        assertEquals(
                FlipLine.NOW_WRONG,
                flip(judged("Drama", "Drama", Evaluation.CORRECT), judged("Drama", "Drama", Evaluation.INCORRECT))
                        .reading());
        // The truth is Comedy: B's Incorrect is now right about the same answer.
        assertEquals(
                FlipLine.NOW_RIGHT,
                flip(judged("Comedy", "Drama", Evaluation.CORRECT), judged("Comedy", "Drama", Evaluation.INCORRECT))
                        .reading());
        // A accepted a wrong Comedy; B's base answer changed to the truth and B rejected it.
        assertEquals(
                "wrong in both (base answer changed)",
                flip(judged("Drama", "Comedy", Evaluation.CORRECT), judged("Drama", "Drama", Evaluation.INCORRECT))
                        .reading());
        assertEquals(
                "no truth",
                flip(judged("", "Drama", Evaluation.CORRECT), judged("", "Drama", Evaluation.INCORRECT))
                        .reading());
        assertEquals(
                "no truth",
                flip(null, judged("Drama", "Drama", Evaluation.INCORRECT)).reading(),
                "a row run A never judged");
    }

    @Test
    void aFlipShowsTheFirstInputColumnOnOneShortLineAndTheAnswersAndVerdicts() {
        String review = "A long\n\tslow  film. " + "x".repeat(200);
        Dataset dataset = new Dataset(
                "films", List.of("id", "review", "genre"), List.<String[]>of(new String[] {"1", review, "Drama"}));
        ColumnMapping mapping = new ColumnMapping(List.of("review"), "genre", ",");

        FlipLine line = FlipLine.of(
                ACCEPTED_THEN_REJECTED,
                judged("Drama", "Comedy", Evaluation.CORRECT),
                judged("Drama", "Drama", Evaluation.INCORRECT),
                dataset,
                mapping,
                io.arbiter.core.scheme.VerdictScheme.INSTANCE,
                io.arbiter.core.scheme.VerdictScheme.INSTANCE);

        assertEquals("A long slow film. " + "x".repeat(141) + "…", line.input());
        assertEquals(160, line.input().length());
        assertEquals(
                new FlipLine(
                        0,
                        line.input(),
                        "Drama",
                        "Comedy",
                        "Drama",
                        "Correct",
                        "Incorrect",
                        "wrong in both (base answer changed)"),
                line);
        assertEquals("1", line.number(), "numbered from 1, as the results table shows rows");
    }

    @Test
    void theFlipsSummaryCountsRightAndWrongInGoodEnglish() {
        FlipLine right =
                flip(judged("Comedy", "Drama", Evaluation.CORRECT), judged("Comedy", "Drama", Evaluation.INCORRECT));
        FlipLine wrong =
                flip(judged("Drama", "Drama", Evaluation.CORRECT), judged("Drama", "Drama", Evaluation.INCORRECT));

        assertEquals("No verdict flipped between the two runs.", ComparisonText.flipsSummary(List.of()));
        assertEquals(
                "1 row flipped: 1 now agrees with the truth, 0 now disagree.",
                ComparisonText.flipsSummary(List.of(right)));
        assertEquals(
                "3 rows flipped: 1 now agrees with the truth, 2 now disagree.",
                ComparisonText.flipsSummary(List.of(wrong, right, wrong)));
    }

    @Test
    void aPromptDiffShowsWhatBRemovedOnAsSideAndWhatItAddedOnBs() {
        PromptDiff diff = new PromptDiff(List.of(
                new PromptDiff.Segment(PromptDiff.Kind.SAME, "Judge "),
                new PromptDiff.Segment(PromptDiff.Kind.REMOVED, "kindly"),
                new PromptDiff.Segment(PromptDiff.Kind.ADDED, "strictly"),
                new PromptDiff.Segment(PromptDiff.Kind.SAME, ".")));

        assertEquals(
                List.of("Judge ", "kindly", "."),
                ComparisonText.before(diff).stream()
                        .map(PromptDiff.Segment::text)
                        .toList());
        assertEquals(
                List.of("Judge ", "strictly", "."),
                ComparisonText.after(diff).stream()
                        .map(PromptDiff.Segment::text)
                        .toList());
    }

    private static FlipLine flip(RowResult a, RowResult b) {
        return FlipLine.of(
                ACCEPTED_THEN_REJECTED,
                a,
                b,
                null,
                null,
                io.arbiter.core.scheme.VerdictScheme.INSTANCE,
                io.arbiter.core.scheme.VerdictScheme.INSTANCE);
    }

    /** Row 0 with {@code truth} (blank: none), the base's answer {@code base}, and the judge's {@code evaluation}. */
    private static RowResult judged(String truth, String base, Evaluation evaluation) {
        return RowResult.pending(0, truth.isEmpty() ? List.of() : List.of(truth))
                .withBase(StageOutcome.answered(base, Usage.NONE), new BaseAnswer(base, base))
                .withJudge(
                        StageOutcome.answered("Prediction: " + base, Usage.NONE),
                        new JudgeVerdict("", base, evaluation));
    }
}
