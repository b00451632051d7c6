package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.verdict.ScoreScale;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every point and every Wilson and t interval here is worked out by hand in the comments, and was checked once
 * more with SciPy 1.17 (stats.spearmanr, stats.kendalltau, stats.ttest_1samp(...).confidence_interval, and
 * weighted kappa as (po − pe)/(1 − pe) in NumPy with the 0–1 agreement weights); bootstrap intervals are checked
 * for containing the point, staying in range and repeating.
 */
class ScoreFiguresTest {

    private static final double EXACT = 1e-12;
    private static final double T_TABLE = 1e-6; // the t quantiles are printed to seven figures

    /**
     * Ten rows on 1–5, as (human, judge): (1,1) (2,1) (2,2) (3,3) (3,4) (3,3) (4,5) (4,4) (5,5) (5,3).
     *
     * <pre>
     * confusion, human down, judge across      human totals R    judge totals C
     *        j1 j2 j3 j4 j5
     *   h1    1  .  .  .  .                     1                  j1 2
     *   h2    1  1  .  .  .                     2                  j2 1
     *   h3    .  .  2  1  .                     3                  j3 3
     *   h4    .  .  .  1  1                     2                  j4 2
     *   h5    .  .  1  .  1                     2                  j5 2
     * </pre>
     */
    private static final List<ScorePair> TEN = pairs(1, 1, 2, 1, 2, 2, 3, 3, 3, 4, 3, 3, 4, 5, 4, 4, 5, 5, 5, 3);
    /** The ten rows three times: the same points, and enough rows (Bootstrap.MIN_ROWS) for a bootstrap interval. */
    private static final List<ScorePair> THIRTY = times(TEN, 3);

    private static final ScoreScale ONE_TO_FIVE = ScoreScale.DEFAULT;

    /** Pairs from (human, judge) numbers in turn. */
    private static List<ScorePair> pairs(int... humanJudge) {
        List<ScorePair> pairs = new ArrayList<>();
        for (int i = 0; i < humanJudge.length; i += 2) {
            pairs.add(new ScorePair(humanJudge[i + 1], humanJudge[i]));
        }
        return pairs;
    }

    @Test
    void agreementSharesTakeWilsonIntervals() {
        ScoreFigures figures = ScoreFigures.of(TEN, ONE_TO_FIVE);
        assertEquals(10, figures.n());
        // Diagonal 1 + 1 + 2 + 1 + 1 = 6 of 10; off by one: (2,1) (3,4) (4,5), so 9 of 10 ((5,3) is off by two).
        assertEquals(Wilson.interval(6, 10), figures.exactAgreement());
        assertEquals(Wilson.interval(9, 10), figures.withinOne());
        // Wilson at 6/10: centre (0.6 + 1.96²/20)/(1 + 1.96²/10) = 0.5698, half 0.2572 -> [0.3127, 0.8318].
        assertEquals(0.3126738, figures.exactAgreement().ciLow(), 1e-6);
        assertEquals(0.8318197, figures.exactAgreement().ciHigh(), 1e-6);
        assertEquals(0.5958500, figures.withinOne().ciLow(), 1e-6);
    }

    @Test
    void weightedKappasFollowTheWeightTables() {
        ScoreFigures figures = ScoreFigures.of(TEN, ONE_TO_FIVE);
        // Linear agreement weights on five levels, w = 1 − |i − j|/4: 1, 0.75, 0.5, 0.25, 0 by distance 0..4.
        //   po = (6 diagonal · 1 + 3 at distance 1 · 0.75 + 1 at distance 2 · 0.5) / 10 = 8.75 / 10 = 0.875
        //   pe = Σ w·R_h·C_j / 100. Σ |h − j|·C_j for h = 1..5 is 21, 15, 11, 13, 19; times R_h: 21 + 30 + 33 + 26
        //        + 38 = 148, so Σ w·R·C = 100 − 148/4 = 63 and pe = 0.63
        //   κ = (0.875 − 0.63) / (1 − 0.63) = 0.245 / 0.37 = 0.662162...  (= 1 − 10·5/148 = 98/148)
        assertEquals(98.0 / 148, figures.weightedKappaLinear().value(), EXACT);
        // Quadratic weights, w = 1 − (i − j)²/16: 1, 15/16, 12/16, 7/16, 0.
        //   po = 1 − (1 + 1 + 1 + 4)/16/10 = 0.95625
        //   Σ (h − j)²·C_j for h = 1..5 is 63, 31, 19, 27, 55; times R_h: 63 + 62 + 57 + 54 + 110 = 346,
        //        so pe = 1 − 346/16/100 = 0.78375
        //   κ = (0.95625 − 0.78375) / 0.21625 = 0.797688...  (= 1 − 10·7/346 = 276/346)
        assertEquals(276.0 / 346, figures.weightedKappaQuadratic().value(), EXACT);
        assertTooFewRows(figures.weightedKappaLinear());
        ScoreFigures thirty = ScoreFigures.of(THIRTY, ONE_TO_FIVE);
        assertEquals(98.0 / 148, thirty.weightedKappaLinear().value(), EXACT);
        assertBootstrapped(thirty.weightedKappaLinear(), -1, 1);
        assertBootstrapped(thirty.weightedKappaQuadratic(), -1, 1);
    }

    @Test
    void rankCorrelationsCountTies() {
        ScoreFigures figures = ScoreFigures.of(TEN, ONE_TO_FIVE);
        // Spearman: mid-ranks of human levels 1..5 are 1, 2.5, 5, 7.5, 9.5; of judge levels 1, 2, 3, 4, 5 they are
        // 1.5, 3, 5, 7.5, 9.5. Less the mean rank 5.5, row by row:
        //   human −4.5 −3 −3 −0.5 −0.5 −0.5 2 2 4 4;  judge −4 −4 −2.5 −0.5 2 −0.5 4 2 4 −0.5
        //   Σ products = 18 + 12 + 7.5 + 0.25 − 1 + 0.25 + 8 + 4 + 16 − 2 = 63; Σ squares = 79 on both sides
        //   ρ = 63 / √(79·79) = 63/79 = 0.797468...
        assertEquals(63.0 / 79, figures.spearman().value(), EXACT);
        // Kendall τ-b: for each cell, rows on a higher human level with a higher judge score (C) or lower (D):
        //   (1,1): 8 C; (2,1): 7 C; (2,2): 7 C; (3,3)×2: 3 C each; (3,4): 2 C 1 D [(5,3)]; (4,4): 1 C 1 D;
        //   (4,5): 0 C 1 D [(5,3)]  ->  C = 31, D = 3
        //   pairs 45; tied on human: 0 + 1 + 3 + 1 + 1 = 6; on judge: 1 + 0 + 3 + 1 + 1 = 6
        //   τ-b = (31 − 3) / √((45 − 6)(45 − 6)) = 28/39 = 0.717949...
        assertEquals(28.0 / 39, figures.kendallTauB().value(), EXACT);
        assertTooFewRows(figures.spearman());
        ScoreFigures thirty = ScoreFigures.of(THIRTY, ONE_TO_FIVE);
        assertBootstrapped(thirty.spearman(), -1, 1);
        assertBootstrapped(thirty.kendallTauB(), -1, 1);
    }

    @Test
    void meansTakeStudentTIntervals() {
        ScoreFigures figures = ScoreFigures.of(TEN, ONE_TO_FIVE);
        // |judge − human| row by row: 0 1 0 0 1 0 1 0 0 2 -> 5/10.
        assertEquals(0.5, figures.mae().value(), EXACT);
        assertTooFewRows(figures.mae());
        assertBootstrapped(ScoreFigures.of(THIRTY, ONE_TO_FIVE).mae(), 0, 4);
        // Judge: Σ = 31, Σx² = 115, s² = (115 − 96.1)/9 = 2.1; t(0.975, 9) = 2.262157, half = 2.262157·√(2.1/10).
        assertMean(3.1, 2.063349357, 4.136650643, 10, figures.meanJudge());
        // Human: Σ = 32, Σx² = 118, s² = (118 − 102.4)/9 = 1.7333; half = 2.262157·√(0.17333) = 0.941811.
        assertMean(3.2, 2.258188870, 4.141811130, 10, figures.meanHuman());
        // Judge − human: 0 −1 0 0 1 0 1 0 0 −2, mean −0.1, Σd² = 7, s² = (7 − 0.1)/9 = 0.76667, half = 0.626363.
        assertMean(-0.1, -0.726362956, 0.526362956, 10, figures.meanDifference());
    }

    @Test
    void biasByHumanLevelIsAPairedTIntervalPerLevel() {
        List<LevelBias> bias = ScoreFigures.of(TEN, ONE_TO_FIVE).biasByHumanLevel();
        assertEquals(
                List.of(1, 2, 3, 4, 5), bias.stream().map(LevelBias::humanLevel).toList());
        // Level 1: one row, judge − human = 0: a point without an interval.
        assertEquals(Estimate.pointOnly(0, 1), bias.get(0).meanDifference());
        // Level 2: −1, 0 -> −0.5, s = 0.7071, se = 0.5, t(0.975, 1) = 12.706205 -> ±6.353102.
        assertMean(-0.5, -6.853102368, 5.853102368, 2, bias.get(1).meanDifference());
        // Level 3: 0, 1, 0 -> 1/3, s = 0.57735, se = 1/3, t(0.975, 2) = 4.302653 -> ±1.434218.
        assertMean(1.0 / 3, -1.100884243, 1.767550910, 3, bias.get(2).meanDifference());
        // Level 5: 0, −2 -> −1, s = √2, se = 1 -> ±12.706205.
        assertMean(-1, -13.706204736, 11.706204736, 2, bias.get(4).meanDifference());
    }

    @Test
    void confusionCountsHumanByJudgeOverTheWholeScale() {
        ScoreConfusion confusion = ScoreFigures.of(TEN, ONE_TO_FIVE).confusion();
        assertEquals(2, confusion.count(3, 3));
        assertEquals(1, confusion.count(5, 3));
        assertEquals(0, confusion.count(3, 5));
        assertEquals(2, confusion.max());
        assertEquals(10, confusion.n());
        assertArrayEquals(new long[] {1, 2, 3, 2, 2}, confusion.humanTotals());
        assertArrayEquals(new long[] {2, 1, 3, 2, 2}, confusion.judgeTotals());
        // Levels nobody used are still rows and columns, so a heat map shows the whole scale.
        ScoreConfusion wide = ScoreConfusion.of(TEN, new ScoreScale(0, 10));
        assertEquals(11, wide.counts().length);
        assertEquals(0, wide.count(0, 10));
        // The record hands out copies: changing one changes nothing inside.
        confusion.counts()[2][2] = 99;
        assertEquals(2, confusion.count(3, 3));
        assertEquals(confusion, ScoreConfusion.of(TEN, ONE_TO_FIVE));
        assertEquals(confusion.hashCode(), ScoreConfusion.of(TEN, ONE_TO_FIVE).hashCode());
    }

    @Test
    void kappaWeighsDistancesOnTheScaleNotBetweenUsedLevels() {
        // A: (1,1) (2,2) (5,5) (5,2). R: 1, 1, 2 on levels 1, 2, 5; C: 1, 2, 1. Observed linear disagreement 3.
        //    Σ |h − j|·R·C: h = 1: 2·1 + 4·1 = 6; h = 2: 1 + 3 = 4; h = 5: (4 + 3·2)·2 = 20; total 30.
        //    κ = 1 − 4·3/30 = 0.6
        // B: the same with 5 read as 3: observed 1; 4 + 2 + (2 + 2)·2 = 14; κ = 1 − 4·1/14 = 0.714286
        assertEquals(
                0.6,
                ScoreFigures.of(pairs(1, 1, 2, 2, 5, 5, 5, 2), ONE_TO_FIVE)
                        .weightedKappaLinear()
                        .value(),
                EXACT);
        assertEquals(
                10.0 / 14,
                ScoreFigures.of(pairs(1, 1, 2, 2, 3, 3, 3, 2), ONE_TO_FIVE)
                        .weightedKappaLinear()
                        .value(),
                EXACT);
        // Widening the scale scales every weight alike, which kappa's ratio cancels.
        ScoreFigures wide = ScoreFigures.of(TEN, new ScoreScale(0, 10));
        assertEquals(98.0 / 148, wide.weightedKappaLinear().value(), EXACT);
        assertEquals(276.0 / 346, wide.weightedKappaQuadratic().value(), EXACT);
    }

    @Test
    void noPairLeavesEveryFigureUndefined() {
        ScoreFigures figures = ScoreFigures.of(List.of(), ONE_TO_FIVE);
        assertEquals(0, figures.n());
        for (Estimate e : estimates(figures)) {
            assertFalse(e.isDefined(), e.toString());
            assertEquals(0, e.n());
        }
        assertEquals(0, figures.confusion().max());
        assertTrue(figures.biasByHumanLevel().isEmpty());
    }

    @Test
    void onePairHasPointsWithoutTIntervals() {
        ScoreFigures figures = ScoreFigures.of(pairs(4, 3), ONE_TO_FIVE);
        assertEquals(Estimate.pointOnly(3, 1), figures.meanJudge());
        assertEquals(Estimate.pointOnly(4, 1), figures.meanHuman());
        assertEquals(Estimate.pointOnly(-1, 1), figures.meanDifference());
        // One row is constant on both sides: no rank correlation; kappa has 1 − pe = 1 (levels differ), so κ = 0.
        assertFalse(figures.spearman().isDefined());
        assertFalse(figures.kendallTauB().isDefined());
        assertEquals(0, figures.weightedKappaLinear().value(), EXACT);
    }

    @Test
    void constantRatingsLeaveWhatDividesByZeroUndefined() {
        // Both always 3: pe = 1, no rank variance; but they agree on every row and the means are exact.
        ScoreFigures same = ScoreFigures.of(pairs(3, 3, 3, 3, 3, 3, 3, 3), ONE_TO_FIVE);
        assertFalse(same.weightedKappaLinear().isDefined());
        assertFalse(same.weightedKappaQuadratic().isDefined());
        assertFalse(same.spearman().isDefined());
        assertFalse(same.kendallTauB().isDefined());
        assertEquals(1, same.exactAgreement().value(), EXACT);
        assertEquals(0, same.mae().value(), EXACT);
        assertEquals(new Estimate(3, 3, 3, 4), same.meanJudge());
        // The judge always says 4 while the human varies: κ = 0 exactly (observed = expected, as po = pe), but
        // there is no rank to correlate on the judge's side.
        ScoreFigures flatJudge = ScoreFigures.of(pairs(2, 4, 4, 4, 5, 4), ONE_TO_FIVE);
        assertEquals(0, flatJudge.weightedKappaLinear().value(), EXACT);
        assertEquals(0, flatJudge.weightedKappaQuadratic().value(), EXACT);
        assertFalse(flatJudge.spearman().isDefined());
        assertFalse(flatJudge.kendallTauB().isDefined());
    }

    @Test
    void scoresOutsideTheScaleAreRefusedByName() {
        IllegalArgumentException judge = assertThrows(
                IllegalArgumentException.class, () -> ScoreFigures.of(List.of(new ScorePair(6, 3)), ONE_TO_FIVE));
        assertEquals("Judge score 6 is outside the scale 1-5", judge.getMessage());
        IllegalArgumentException human = assertThrows(
                IllegalArgumentException.class, () -> ScoreFigures.of(List.of(new ScorePair(3, 0)), ONE_TO_FIVE));
        assertEquals("Human score 0 is outside the scale 1-5", human.getMessage());
    }

    @Test
    void theBootstrapRepeatsItselfAndFollowsItsSeed() {
        ScoreFigures first = ScoreFigures.of(THIRTY, ONE_TO_FIVE);
        assertEquals(first, ScoreFigures.of(THIRTY, ONE_TO_FIVE));
        assertEquals(first, ScoreFigures.of(THIRTY, ONE_TO_FIVE, new Bootstrap(Bootstrap.SEED, Bootstrap.RESAMPLES)));
        ScoreFigures otherSeed = ScoreFigures.of(THIRTY, ONE_TO_FIVE, new Bootstrap(7L, Bootstrap.RESAMPLES));
        assertNotEquals(first.weightedKappaQuadratic(), otherSeed.weightedKappaQuadratic());
        assertEquals(
                first.weightedKappaQuadratic().value(),
                otherSeed.weightedKappaQuadratic().value());
    }

    @Test
    void aLargerSampleNarrowsTheBootstrapIntervals() {
        // Thirty rows forty times over: the same points, intervals about √40 ≈ 6 times narrower.
        List<ScorePair> many = times(THIRTY, 40);
        ScoreFigures small = ScoreFigures.of(THIRTY, ONE_TO_FIVE);
        ScoreFigures large = ScoreFigures.of(many, ONE_TO_FIVE);
        assertEquals(
                small.weightedKappaQuadratic().value(),
                large.weightedKappaQuadratic().value(),
                EXACT);
        // τ-b too: C − D and both untied-pair counts, (n² − Σt²)/2, grow by 40² alike.
        assertEquals(small.kendallTauB().value(), large.kendallTauB().value(), EXACT);
        assertEquals(small.spearman().value(), large.spearman().value(), EXACT);
        double smallWidth = width(small.weightedKappaQuadratic());
        double largeWidth = width(large.weightedKappaQuadratic());
        assertTrue(largeWidth < smallWidth / 3 && largeWidth > smallWidth / 12, smallWidth + " vs " + largeWidth);
    }

    private static List<ScorePair> times(List<ScorePair> rows, int copies) {
        List<ScorePair> many = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            many.addAll(rows);
        }
        return List.copyOf(many);
    }

    private static void assertTooFewRows(Estimate e) {
        assertFalse(e.hasInterval(), e.toString());
        assertEquals(Estimate.TOO_FEW_ROWS, e.noInterval());
        assertEquals(Bootstrap.RESAMPLES, e.resampling().resamples());
    }

    private static double width(Estimate e) {
        return e.ciHigh() - e.ciLow();
    }

    private static void assertBootstrapped(Estimate e, double lowest, double highest) {
        assertTrue(e.hasInterval(), e.toString());
        assertTrue(lowest <= e.ciLow() && e.ciLow() <= e.value(), e.toString());
        assertTrue(e.value() <= e.ciHigh() && e.ciHigh() <= highest, e.toString());
        assertTrue(e.ciHigh() > e.ciLow(), e.toString());
    }

    private static void assertMean(double mean, double low, double high, long n, Estimate e) {
        assertEquals(mean, e.value(), EXACT, e.toString());
        assertEquals(low, e.ciLow(), T_TABLE, e.toString());
        assertEquals(high, e.ciHigh(), T_TABLE, e.toString());
        assertEquals(n, e.n());
    }

    private static List<Estimate> estimates(ScoreFigures f) {
        return List.of(
                f.exactAgreement(),
                f.withinOne(),
                f.weightedKappaLinear(),
                f.weightedKappaQuadratic(),
                f.spearman(),
                f.kendallTauB(),
                f.mae(),
                f.meanJudge(),
                f.meanHuman(),
                f.meanDifference());
    }
}
