package io.arbiter.core.metrics;

import java.util.Arrays;

/**
 * Wilcoxon's signed-rank test that paired differences are centred on zero, two-sided; e.g. |judge − human| of one
 * run minus that of another, row by row. Zero differences are dropped before ranking (Wilcoxon's own method, R's
 * and SciPy's default; Pratt's would rank them and then drop their ranks). The absolute differences are ranked
 * from 1, equal ones sharing the mean of their ranks (mid-ranks); equal means exactly equal, which differences of
 * whole scores always compare as.
 *
 * <p>The statistic w is W+, the sum of the ranks of the positive differences (R's V). Under no difference its mean
 * is n(n + 1)/4 and its variance n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48, the sum over groups of t tied absolute
 * differences. z is (|w − mean| − ½)⁺ / √variance with the sign of w − mean: the continuity correction moves w half
 * a step toward the mean and never past it. The p-value is exact when 1 ≤ n ≤ {@value #EXACT_UP_TO} and no
 * absolute differences are tied (twice the smaller tail of W+'s distribution over the 2ⁿ sign patterns, capped at
 * 1); otherwise it is the two-sided normal one from z. With no non-zero difference, w = z = 0 and p = 1.
 *
 * @param n      the non-zero differences, the ones ranked
 * @param w      W+, the sum of the ranks of the positive differences
 * @param z      the normal score of w with tie and continuity corrections, reported even when p is exact
 * @param pValue the two-sided p-value
 */
public record WilcoxonSignedRank(long n, double w, double z, double pValue) {

    /** Up to this many differences without ties, the p-value is exact. */
    public static final int EXACT_UP_TO = 25;

    /**
     * The test on the given differences.
     *
     * @throws IllegalArgumentException when a difference is NaN or infinite
     */
    public static WilcoxonSignedRank of(double[] differences) {
        for (double d : differences) {
            requireFinite(d);
        }
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return new WilcoxonSignedRank(0, 0, 0, 1);
        }
        double[] magnitudes = Arrays.stream(nonZero).map(Math::abs).sorted().toArray();
        double positiveRanks = 0;
        for (double d : nonZero) {
            if (d > 0) {
                positiveRanks += midRank(magnitudes, Math.abs(d));
            }
        }
        double tieTerm = 0; // Σ (t³ − t) over groups of equal magnitudes
        for (int start = 0; start < n; ) {
            int end = groupEnd(magnitudes, start);
            double t = end - start;
            tieTerm += t * t * t - t;
            start = end;
        }
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1.0) * (2 * n + 1) / 24 - tieTerm / 48;
        double distance = Math.max(0, Math.abs(positiveRanks - mean) - 0.5);
        double z = Math.signum(positiveRanks - mean) * distance / Math.sqrt(variance);
        double p = n <= EXACT_UP_TO && tieTerm == 0
                ? exactP((long) positiveRanks, n)
                : McNemar.chiSquareOneDfSurvival(z * z); // P(|Z| ≥ |z|) = P(χ²₁ ≥ z²)
        return new WilcoxonSignedRank(n, positiveRanks, z, Math.min(1, p));
    }

    /** The mean of the 1-based ranks that the value's group of equal values holds in the sorted array. */
    private static double midRank(double[] sorted, double value) {
        int first = lowerBound(sorted, value);
        int end = groupEnd(sorted, first);
        return (first + 1 + end) / 2.0;
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int groupEnd(double[] sorted, int start) {
        int end = start + 1;
        while (end < sorted.length && sorted[end] == sorted[start]) {
            end++;
        }
        return end;
    }

    /**
     * Twice the smaller tail of W+ at w for n untied ranks: the number of subsets of {1..n} summing to at most
     * min(w, n(n + 1)/2 − w), over 2ⁿ (W+ is symmetric about its mean).
     */
    private static double exactP(long w, int n) {
        int total = n * (n + 1) / 2;
        int lower = (int) Math.min(w, total - w);
        long[] ways = new long[total + 1]; // ways[s]: subsets of the ranks so far summing to s
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int s = total; s >= rank; s--) {
                ways[s] += ways[s - rank];
            }
        }
        long atMost = 0;
        for (int s = 0; s <= lower; s++) {
            atMost += ways[s];
        }
        return 2.0 * atMost / Math.pow(2, n);
    }

    private static void requireFinite(double difference) {
        if (!Double.isFinite(difference)) {
            throw new IllegalArgumentException("A paired difference must be a finite number, not " + difference);
        }
    }
}
