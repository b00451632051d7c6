package io.arbiter.core.metrics;

import static io.arbiter.core.verdict.Preference.A;
import static io.arbiter.core.verdict.Preference.B;
import static io.arbiter.core.verdict.Preference.TIE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.verdict.PairOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every point and every Wilson interval here is worked out by hand in the comments (the Wilson ends once more in
 * Python from the formula in {@link Wilson}); bootstrap intervals are checked for containing the point, staying in
 * range and repeating.
 */
class PairFiguresTest {

    private static final double EXACT = 1e-12;

    /**
     * Ten rows as (A shown first, B shown first in the places shown, swapped, human), with the outcome mapped back:
     *
     * <pre>
     *  1  A    B    swap  human A    -> A       (B first picks the second place: answer A)
     *  2  A    B    swap  human B    -> A
     *  3  B    A    swap  human B    -> B
     *  4  tie  tie  swap  human tie  -> tie
     *  5  A    A    swap  human A    -> inconsistent (each order picks the answer shown first)
     *  6  B    B    swap  -          -> inconsistent (each order picks the answer shown second)
     *  7  A    -    swap  human A    -> unparsed (the B-first order has no verdict)
     *  8  -    -    swap  human B    -> unparsed
     *  9  A    -    once  human tie  -> A       (a run without the swap reads A first alone)
     * 10  tie  -    once  -          -> tie
     * </pre>
     */
    static final List<PairRow> TEN = List.of(
            new PairRow(A, B, true, A),
            new PairRow(A, B, true, B),
            new PairRow(B, A, true, B),
            new PairRow(TIE, TIE, true, TIE),
            new PairRow(A, A, true, A),
            new PairRow(B, B, true, null),
            new PairRow(A, null, true, A),
            new PairRow(null, null, true, B),
            new PairRow(A, null, false, TIE),
            new PairRow(TIE, null, false, null));

    @Test
    void rowsAreCountedByOutcome() {
        PairFigures figures = PairFigures.of(TEN);
        assertEquals(10, figures.rows());
        assertEquals(3, figures.aWins()); // rows 1, 2, 9
        assertEquals(1, figures.bWins()); // row 3
        assertEquals(2, figures.ties()); // rows 4, 10
        assertEquals(2, figures.inconsistent()); // rows 5, 6
        assertEquals(2, figures.unparsed()); // rows 7, 8
        assertEquals(8, figures.decided());
    }

    @Test
    void winRateCountsTiesAndInconsistentRowsAsHalves() {
        PairFigures figures = PairFigures.of(TEN);
        // (3 + ½·(2 + 2)) / 8 = 5/8
        assertEquals(0.625, figures.winRateA().value(), EXACT);
        assertEquals(8, figures.winRateA().n());
        assertEquals(Estimate.TOO_FEW_ROWS, figures.winRateA().noInterval());
        PairFigures fifty = PairFigures.of(fiveTimes(TEN));
        assertEquals(0.625, fifty.winRateA().value(), EXACT);
        assertBootstrapped(fifty.winRateA(), 0, 1);
        assertEquals(fifty.winRateA(), PairFigures.of(fiveTimes(TEN)).winRateA(), "the fixed seed repeats it");
    }

    @Test
    void positionFiguresReadOnlySwappedRows() {
        PairFigures figures = PairFigures.of(TEN);
        // Swapped rows with an outcome: 1-6. Their orders agree in 1-4: 4/6.
        assertEquals(Wilson.interval(4, 6), figures.positionConsistency());
        // Wilson at 4/6: centre (2/3 + 1.96²/12)/(1 + 1.96²/6) = 0.6016, half 0.3016 -> [0.2999933, 0.9032286].
        assertEquals(0.2999933, figures.positionConsistency().ciLow(), 1e-6);
        assertEquals(0.9032286, figures.positionConsistency().ciHigh(), 1e-6);
        // Order-level verdicts of swapped rows, each parsed one on its own, ties left out (row 4's two, and row 8
        // has none): 1 A B, 2 A B, 3 B A, 5 A A, 6 B B, 7 A = 11; picking the place shown first (A): 1+1+1+2+0+1 = 6.
        // Rows 9 and 10 are left out: with one order the first place is always answer A.
        assertEquals(Wilson.interval(6, 11), figures.firstPositionRate());
        assertEquals(0.2800915, figures.firstPositionRate().ciLow(), 1e-6);
        assertEquals(0.7872873, figures.firstPositionRate().ciHigh(), 1e-6);
    }

    @Test
    void againstTheHumanInconsistentCountsAsATie() {
        PairFigures figures = PairFigures.of(TEN);
        // Rows with an outcome and a human preference: 1 (A, A), 2 (A, B), 3 (B, B), 4 (tie, tie),
        // 5 (inconsistent = tie, A), 9 (A, tie). Rows 7 and 8 have a human but no outcome; 6 and 10 no human.
        //
        //   judge down, human across   A  B  tie    judge totals r
        //     A                        1  1  1      3
        //     B                        .  1  .      1
        //     tie                      1  .  1      2
        //   human totals c             2  2  2      n = 6
        assertArrayEquals(
                new long[][] {{1, 1, 1}, {0, 1, 0}, {1, 0, 1}},
                figures.confusion().counts());
        assertEquals(6, figures.humanN());
        assertEquals(1, figures.confusion().count(TIE, A));
        assertEquals(1, figures.confusion().max());
        // Diagonal 3 of 6. Wilson at 1/2: centre 0.5, half 0.3124 -> [0.1876163, 0.8123837].
        assertEquals(Wilson.interval(3, 6), figures.humanAgreement());
        assertEquals(0.1876163, figures.humanAgreement().ciLow(), 1e-6);
        // po = 3/6, pe = (3·2 + 1·2 + 2·2)/36 = 1/3, κ = (1/2 − 1/3)/(2/3) = 0.25 (= (6·3 − 12)/(36 − 12) = 6/24).
        assertEquals(0.25, figures.humanKappa().value(), EXACT);
        assertEquals(6, figures.humanKappa().n());
        assertEquals(Estimate.TOO_FEW_ROWS, figures.humanKappa().noInterval());
        assertBootstrapped(PairFigures.of(fiveTimes(TEN)).humanKappa(), -1, 1);
    }

    @Test
    void theOutcomeMapsTheSecondOrderBackOnlyWhenTheRunSwaps() {
        List<PairOutcome> outcomes = TEN.stream().map(PairRow::outcome).toList();
        assertEquals(
                List.of(
                        PairOutcome.A,
                        PairOutcome.A,
                        PairOutcome.B,
                        PairOutcome.TIE,
                        PairOutcome.INCONSISTENT,
                        PairOutcome.INCONSISTENT,
                        PairOutcome.UNPARSED,
                        PairOutcome.UNPARSED,
                        PairOutcome.A,
                        PairOutcome.TIE),
                outcomes);
        assertEquals(PairOutcome.INCONSISTENT, new PairRow(TIE, A, true, null).outcome());
        assertEquals(PairOutcome.UNPARSED, new PairRow(null, B, true, null).outcome());
        assertEquals(PairOutcome.UNPARSED, new PairRow(null, null, false, null).outcome());
        assertThrows(IllegalArgumentException.class, () -> new PairRow(A, B, false, null), "B first was not asked");
    }

    @Test
    void noRowLeavesEveryFigureUndefined() {
        PairFigures figures = PairFigures.of(List.of());
        assertEquals(0, figures.rows());
        assertEquals(0, figures.decided());
        assertEquals(0, figures.humanN());
        for (Estimate figure : List.of(
                figures.winRateA(),
                figures.positionConsistency(),
                figures.firstPositionRate(),
                figures.humanAgreement(),
                figures.humanKappa())) {
            assertFalse(figure.isDefined(), figure.toString());
            assertEquals(0, figure.n());
        }
        assertEquals(PreferenceConfusion.empty(), figures.confusion());
    }

    @Test
    void onlyUnparsedRowsHaveNoWinRate() {
        PairFigures figures = PairFigures.of(List.of(new PairRow(null, A, true, A), new PairRow(null, null, false, B)));
        assertEquals(2, figures.unparsed());
        assertFalse(figures.winRateA().isDefined());
        assertFalse(figures.positionConsistency().isDefined());
        // Row 1's B-first verdict is parsed and not a tie, so the position bias has one verdict to go on.
        assertEquals(Wilson.interval(1, 1), figures.firstPositionRate());
        assertEquals(0, figures.humanN());
    }

    @Test
    void withoutTheSwapThereAreNoPositionFigures() {
        // A, A, B, tie: (2 + ½) / 4 = 0.625; the first place is always answer A, so its rate says nothing.
        PairFigures figures = PairFigures.of(List.of(
                new PairRow(A, null, false, null),
                new PairRow(A, null, false, null),
                new PairRow(B, null, false, null),
                new PairRow(TIE, null, false, null)));
        assertEquals(0.625, figures.winRateA().value(), EXACT);
        assertFalse(figures.positionConsistency().isDefined());
        assertFalse(figures.firstPositionRate().isDefined());
    }

    @Test
    void aJudgeThatOnlyTiesHasNoFirstPositionRate() {
        PairFigures figures = PairFigures.of(Collections.nCopies(3, new PairRow(TIE, TIE, true, null)));
        assertEquals(Wilson.interval(3, 3), figures.positionConsistency());
        assertFalse(figures.firstPositionRate().isDefined(), "every order-level verdict is a tie");
        assertEquals(0.5, figures.winRateA().value(), EXACT);
        // Three rows are too few for an interval; and however many, every resample of all ties is all ties, so the
        // zero-width interval they would give is not shown.
        assertFalse(figures.winRateA().hasInterval());
        assertEquals(Estimate.TOO_FEW_ROWS, figures.winRateA().noInterval());
        PairFigures many = PairFigures.of(Collections.nCopies(40, new PairRow(TIE, TIE, true, null)));
        assertFalse(many.winRateA().hasInterval());
        assertEquals(Estimate.NO_SPREAD, many.winRateA().noInterval());
    }

    @Test
    void withoutHumansThereIsNoAgreement() {
        PairFigures figures = PairFigures.of(TEN.stream()
                .map(row -> new PairRow(row.aFirst(), row.bFirst(), row.swapped(), null))
                .toList());
        assertEquals(0, figures.humanN());
        assertFalse(figures.humanAgreement().isDefined());
        assertFalse(figures.humanKappa().isDefined());
        assertEquals(0.625, figures.winRateA().value(), EXACT, "the win rate does not need a human");
    }

    @Test
    void fullAgreementGivesKappaOne() {
        PairFigures figures = PairFigures.of(List.of(
                new PairRow(A, B, true, A),
                new PairRow(B, A, true, B),
                new PairRow(TIE, TIE, true, TIE),
                new PairRow(A, A, true, TIE))); // inconsistent, which counts as the human's tie
        assertEquals(Wilson.interval(4, 4), figures.humanAgreement());
        // r = c = (1, 1, 2): Σ r·c = 6, κ = (4·4 − 6)/(16 − 6) = 1.
        assertEquals(1.0, figures.humanKappa().value(), EXACT);
    }

    @Test
    void kappaIsUndefinedWhenChanceAloneWouldAgree() {
        // Judge and human both always say A: pe = 1, so κ = 0/0 though agreement is 2/2.
        PairFigures figures = PairFigures.of(List.of(new PairRow(A, B, true, A), new PairRow(A, null, false, A)));
        assertEquals(Wilson.interval(2, 2), figures.humanAgreement());
        assertFalse(figures.humanKappa().isDefined());
        assertEquals(2, figures.humanKappa().n());
        // One rater constant, the other not: r = (3, 0, 0), c = (2, 1, 0), κ = (3·2 − 6)/(9 − 6) = 0.
        PairFigures oneConstant = PairFigures.of(List.of(
                new PairRow(A, null, false, A), new PairRow(A, null, false, A), new PairRow(A, null, false, B)));
        assertEquals(0.0, oneConstant.humanKappa().value(), EXACT);
    }

    @Test
    void theHeatMapNamesItsClasses() {
        assertEquals(List.of(A, B, TIE), PreferenceConfusion.CLASSES);
        assertEquals(
                List.of("A", "B", "tie"),
                PreferenceConfusion.CLASSES.stream()
                        .map(PreferenceConfusion::name)
                        .toList());
        assertThrows(IllegalArgumentException.class, () -> new PreferenceConfusion(new long[2][3]));
        assertThrows(IllegalArgumentException.class, () -> new PreferenceConfusion(new long[][] {{-1, 0, 0}, {}, {}}));
    }

    @Test
    void aReportCarriesPairFiguresOnlyWhenGiven() {
        JudgeReport report = JudgeReport.of(List.of());
        assertNull(report.pairs());
        PairFigures figures = PairFigures.of(TEN);
        JudgeReport withPairs = report.withPairs(figures);
        assertSame(figures, withPairs.pairs());
        assertEquals(report.loop(), withPairs.loop());
        assertNull(withPairs.scores());
    }

    private static List<PairRow> fiveTimes(List<PairRow> rows) {
        List<PairRow> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.addAll(rows);
        }
        return many;
    }

    private static void assertBootstrapped(Estimate estimate, double lowest, double highest) {
        assertTrue(estimate.hasInterval(), estimate.toString());
        assertTrue(lowest <= estimate.ciLow() && estimate.ciLow() <= estimate.value(), estimate.toString());
        assertTrue(estimate.value() <= estimate.ciHigh() && estimate.ciHigh() <= highest, estimate.toString());
    }
}
