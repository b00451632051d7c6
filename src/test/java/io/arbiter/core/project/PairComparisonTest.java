package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.PairStages;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.scheme.VerdictScheme;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgePreference;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two pairwise runs of six rows compared, every figure worked out by hand.
 *
 * <pre>
 * row  run A (A-first, B-first shown)      run B
 * 0    A   (A, B)                          A   (A, B)
 * 1    B   (B, A)                          A   (A, B)
 * 2    tie (tie, tie)                      B   (B, A)
 * 3    inconsistent (A, A)                 A   (A, B)
 * 4    unparsed (A, -)                     tie (tie, tie)
 * 5    judge failed                        A   (A, B)
 * </pre>
 *
 * Rows judged in both: 0-4 (row 5 failed in A); transitions A→A, B→A, tie→B, inconsistent→A, unparsed→tie; changed
 * rows 1, 2, 3, 4. Decided in both: rows 0-3, scores in A 1, 0, ½, ½ (mean 0.5) and in B 1, 1, 0, 1 (mean 0.75):
 * change +0.25 over 4 rows. Each run on its own: A decided rows 0-3, win rate (1 + ½·2) / 4 = 0.5, position
 * consistency 3/4; B decided rows 0-5, A wins 4, B 1, tie 1, win rate 4.5 / 6 = 0.75, consistency 1.
 */
class PairComparisonTest {

    private static final Dataset ROWS = new Dataset(
            "six",
            List.of("question"),
            List.<String[]>of(row("q0"), row("q1"), row("q2"), row("q3"), row("q4"), row("q5")));
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("question"), null, null);
    private static final RowRatings PAIRS = new RowRatings(PairwiseScheme.DEFAULT, ROWS, MAPPING);

    private static final Preference A = Preference.A;
    private static final Preference B = Preference.B;
    private static final Preference TIE = Preference.TIE;

    @Test
    void outcomeChangesEachRunsFiguresAndThePairedWinRateChangeAreTheOnesWorkedOutByHand() {
        List<RowResult> runA =
                List.of(pair(0, A, B), pair(1, B, A), pair(2, TIE, TIE), pair(3, A, A), pair(4, A, null), failed(5));
        List<RowResult> runB =
                List.of(pair(0, A, B), pair(1, A, B), pair(2, B, A), pair(3, A, B), pair(4, TIE, TIE), pair(5, A, B));

        PairComparison compared = PairComparison.of(runA, PAIRS, runB, PAIRS);

        assertEquals(5, compared.rows());
        assertEquals(1, compared.count(PairOutcome.A, PairOutcome.A));
        assertEquals(1, compared.count(PairOutcome.B, PairOutcome.A));
        assertEquals(1, compared.count(PairOutcome.TIE, PairOutcome.B));
        assertEquals(1, compared.count(PairOutcome.INCONSISTENT, PairOutcome.A));
        assertEquals(1, compared.count(PairOutcome.UNPARSED, PairOutcome.TIE));
        assertEquals(
                List.of(1, 2, 3, 4),
                compared.changes().stream().map(PairComparison.Change::row).toList());
        assertEquals(4, compared.bothDecided());
        assertEquals(0.25, compared.winRateChange().value(), 1e-12);
        assertEquals(4, compared.winRateChange().n());
        // Four paired rows are too few for the paired bootstrap (Bootstrap.MIN_ROWS): the change has no interval.
        assertEquals("0.25 (too few rows)", compared.winRateChange().format());
        assertEquals(0.5, compared.a().winRateA().value(), 1e-12);
        assertEquals(0.75, compared.b().winRateA().value(), 1e-12);
        assertEquals(0.75, compared.a().positionConsistency().value(), 1e-12);
        assertEquals(1.0, compared.b().positionConsistency().value(), 1e-12);

        PairedFigures figures = PairedFigures.of(runA, PAIRS, runB, PAIRS);
        assertEquals(compared, figures.pairs());
        assertEquals("win_rate_a", figures.deltas().get(0).metric());
        assertEquals(0.25, figures.deltas().get(0).change().getAsDouble(), 1e-12);
        assertTrue(figures.flips().isEmpty(), "a pair's outcome is not a Correct/Incorrect flip");
    }

    @Test
    void aPairwiseRunBesideARunOfOneAnswerComparesOnlyRowsAndErrors() {
        List<RowResult> pairs = List.of(pair(0, A, B), failed(1));
        List<RowResult> single = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            single.add(RowResult.pending(row, List.of()));
        }
        PairedFigures figures =
                PairedFigures.of(pairs, PAIRS, single, new RowRatings(VerdictScheme.INSTANCE, ROWS, MAPPING));
        assertTrue(figures.gradedApart());
        assertNull(figures.pairs());
        assertEquals(
                List.of("rows", "errors"),
                figures.deltas().stream().map(PairedFigures.Delta::metric).toList());
        assertEquals(2, figures.deltas().get(0).a().getAsDouble());
        assertEquals(3, figures.deltas().get(0).b().getAsDouble());
        assertEquals(1, figures.deltas().get(1).a().getAsDouble());
        assertEquals(0, figures.deltas().get(1).b().getAsDouble());
    }

    private static RowResult pair(int row, Preference aFirst, Preference bFirstShown) {
        JudgePreference first = new JudgePreference("first", aFirst, "");
        JudgePreference second =
                bFirstShown == null ? JudgePreference.unparsed("?") : new JudgePreference("second", bFirstShown, "");
        return new RowResult(
                row,
                List.of(),
                StageOutcome.answered("answer a", Usage.NONE),
                BaseAnswer.freeText("answer a"),
                StageOutcome.answered("first", Usage.NONE),
                new PairJudgement(first, second, true),
                new PairStages(
                        StageOutcome.answered("answer b", Usage.NONE),
                        StageOutcome.answered("second", Usage.NONE),
                        true));
    }

    private static RowResult failed(int row) {
        return new RowResult(
                row,
                List.of(),
                StageOutcome.answered("answer a", Usage.NONE),
                BaseAnswer.freeText("answer a"),
                StageOutcome.failed("timed out"),
                null,
                new PairStages(StageOutcome.answered("answer b", Usage.NONE), StageOutcome.PENDING, true));
    }

    private static String[] row(String question) {
        return new String[] {question};
    }
}
