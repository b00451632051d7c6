package io.arbiter.core.metrics;

import io.arbiter.core.verdict.ScoreScale;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Scores against human scores, counted cell by cell: {@code counts[h][j]} rows the human scored the scale's h-th
 * level and the judge its j-th, over every level of the scale (seen or not). Each figure that is a function of the
 * table alone is here, so a bootstrap resample of the rows is a resample of the table; every statistic is empty when
 * its denominator is zero, never NaN.
 *
 * @param scale  the scale both scores are on
 * @param counts counts[human level − low][judge level − low]; copied in and out
 */
public record ScoreConfusion(ScoreScale scale, long[][] counts) {

    public ScoreConfusion {
        int levels = scale.high() - scale.low() + 1;
        if (counts.length != levels) {
            throw new IllegalArgumentException(
                    counts.length + " rows of counts for the " + levels + " levels of " + scale);
        }
        long[][] copy = new long[levels][];
        for (int h = 0; h < levels; h++) {
            if (counts[h].length != levels) {
                throw new IllegalArgumentException(
                        counts[h].length + " columns of counts for the " + levels + " levels of " + scale);
            }
            copy[h] = counts[h].clone();
            for (long count : copy[h]) {
                if (count < 0) {
                    throw new IllegalArgumentException("Negative count " + count);
                }
            }
        }
        counts = copy;
    }

    /**
     * The pairs counted on the scale.
     *
     * @throws IllegalArgumentException naming the first score outside the scale
     */
    public static ScoreConfusion of(List<ScorePair> pairs, ScoreScale scale) {
        int levels = scale.high() - scale.low() + 1;
        long[][] counts = new long[levels][levels];
        for (ScorePair pair : pairs) {
            requireOnScale("Judge", pair.judge(), scale);
            requireOnScale("Human", pair.human(), scale);
            counts[pair.human() - scale.low()][pair.judge() - scale.low()]++;
        }
        return new ScoreConfusion(scale, counts);
    }

    private static void requireOnScale(String who, int score, ScoreScale scale) {
        if (!scale.contains(score)) {
            throw new IllegalArgumentException(who + " score " + score + " is outside the scale " + scale);
        }
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int h = 0; h < counts.length; h++) {
            copy[h] = counts[h].clone();
        }
        return copy;
    }

    /** The number of levels on the scale. */
    public int levels() {
        return counts.length;
    }

    /** Rows the human scored {@code human} and the judge {@code judge} (both scores on the scale). */
    public long count(int human, int judge) {
        requireOnScale("Human", human, scale);
        requireOnScale("Judge", judge, scale);
        return counts[human - scale.low()][judge - scale.low()];
    }

    /** The largest cell, which a heat map shades darkest; 0 when there is no row. */
    public long max() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).max().orElse(0);
    }

    /** The rows counted. */
    public long n() {
        long n = 0;
        for (long[] row : counts) {
            for (long count : row) {
                n += count;
            }
        }
        return n;
    }

    /** Rows the human scored at each level, lowest level first. */
    public long[] humanTotals() {
        long[] totals = new long[counts.length];
        for (int h = 0; h < counts.length; h++) {
            for (long count : counts[h]) {
                totals[h] += count;
            }
        }
        return totals;
    }

    /** Rows the judge scored at each level, lowest level first. */
    public long[] judgeTotals() {
        long[] totals = new long[counts.length];
        for (long[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                totals[j] += row[j];
            }
        }
        return totals;
    }

    /** Rows whose two scores are at most {@code distance} apart: 0 for exact agreement, 1 for within one. */
    public long within(int distance) {
        long hits = 0;
        for (int h = 0; h < counts.length; h++) {
            for (int j = 0; j < counts.length; j++) {
                hits += Math.abs(h - j) <= distance ? counts[h][j] : 0;
            }
        }
        return hits;
    }

    /** Mean |judge − human|. */
    public OptionalDouble meanAbsoluteError() {
        long n = n();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int h = 0; h < counts.length; h++) {
            for (int j = 0; j < counts.length; j++) {
                sum += (double) Math.abs(h - j) * counts[h][j];
            }
        }
        return OptionalDouble.of(sum / n);
    }

    /**
     * Cohen's weighted kappa over the scale's full range of levels: 1 − Σ v·observed / Σ v·expected, with v the
     * disagreement weight of a cell, observed its share of rows and expected the product of the human's and the
     * judge's shares of its two levels (the agreement-weight form (po − pe)/(1 − pe) with w = 1 − v/vmax is the same
     * number). Distances are on the scale, so levels nobody used still stand between those used; widening the scale
     * changes nothing, as every weight scales alike. Empty when nothing is expected to disagree: no row, or both
     * raters always give the same one level.
     */
    public OptionalDouble weightedKappa(KappaWeights weights) {
        long[] human = humanTotals();
        long[] judge = judgeTotals();
        double observed = 0;
        double expected = 0;
        for (int h = 0; h < counts.length; h++) {
            for (int j = 0; j < counts.length; j++) {
                long v = weights.disagreement(h - j);
                observed += (double) v * counts[h][j];
                expected += (double) v * human[h] * judge[j];
            }
        }
        // Both sums are of non-negative whole numbers, so zero is exact: no rounding can hide or fake it.
        if (expected == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - n() * observed / expected);
    }

    /**
     * Spearman's ρ with ties: Pearson's correlation of the two scores' mid-ranks (each tied group of n rows on one
     * level gets the mean of the ranks it spans). Empty when either side has a single level (no variance) or no row.
     */
    public OptionalDouble spearman() {
        double[] humanRanks = midRanks(humanTotals());
        double[] judgeRanks = midRanks(judgeTotals());
        double centre = (n() + 1) / 2.0; // the mean rank on both sides
        double covariance = 0;
        double humanSquares = 0;
        double judgeSquares = 0;
        for (int h = 0; h < counts.length; h++) {
            for (int j = 0; j < counts.length; j++) {
                double dh = humanRanks[h] - centre;
                double dj = judgeRanks[j] - centre;
                covariance += counts[h][j] * dh * dj;
                humanSquares += counts[h][j] * dh * dh;
                judgeSquares += counts[h][j] * dj * dj;
            }
        }
        if (humanSquares == 0 || judgeSquares == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(clamp(covariance / Math.sqrt(humanSquares * judgeSquares)));
    }

    /**
     * Kendall's τ-b: (C − D) / √((P − Th)(P − Tj)), with C and D the concordant and discordant pairs of rows, P
     * all n(n − 1)/2 pairs, Th the pairs tied on the human score and Tj those tied on the judge's. Empty when
     * either side has a single level or no row.
     */
    public OptionalDouble kendallTauB() {
        int levels = counts.length;
        double surplus = 0; // C − D
        long[] below = new long[levels]; // rows on higher human levels than h, by judge level
        for (int h = levels - 1; h >= 0; h--) {
            long[] atMost = new long[levels + 1]; // atMost[j]: rows in below on judge levels under j
            for (int j = 0; j < levels; j++) {
                atMost[j + 1] = atMost[j] + below[j];
            }
            for (int j = 0; j < levels; j++) {
                long concordant = atMost[levels] - atMost[j + 1];
                long discordant = atMost[j];
                surplus += (double) counts[h][j] * (concordant - discordant);
            }
            for (int j = 0; j < levels; j++) {
                below[j] += counts[h][j];
            }
        }
        double humanUntied = untiedPairs(humanTotals());
        double judgeUntied = untiedPairs(judgeTotals());
        if (humanUntied == 0 || judgeUntied == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(clamp(surplus / Math.sqrt(humanUntied * judgeUntied)));
    }

    /** Pairs of rows on different levels: (n² − Σ t²)/2 over the levels' totals t. */
    private double untiedPairs(long[] totals) {
        double n = n();
        double tied = 0;
        for (long t : totals) {
            tied += (double) t * t;
        }
        return (n * n - tied) / 2;
    }

    /** The mid-rank of each level given how many rows sit on each, lowest level ranked first. */
    private static double[] midRanks(long[] totals) {
        double[] ranks = new double[totals.length];
        long before = 0;
        for (int level = 0; level < totals.length; level++) {
            ranks[level] = before + (totals[level] + 1) / 2.0;
            before += totals[level];
        }
        return ranks;
    }

    private static double clamp(double correlation) {
        return Math.max(-1, Math.min(1, correlation));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreConfusion that
                && scale.equals(that.scale)
                && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * scale.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ScoreConfusion[scale=" + scale + ", counts=" + Arrays.deepToString(counts) + "]";
    }
}
