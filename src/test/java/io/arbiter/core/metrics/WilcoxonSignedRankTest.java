package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {

    @Test
    void hollanderAndWolfeDepressionScoresGiveThePublishedExactP() {
        // Hollander & Wolfe (1973), p. 29; the example of R's wilcox.test: Hamilton depression scores at the first
        // and the second visit of nine patients. Published: V = 40, one-sided p = 0.01953, so two-sided 0.0390625.
        // By hand: |d| ranked 1..9 with no ties; the negatives −0.08 and −0.147 rank 2 and 3, so W+ = 45 − 5 = 40.
        // P(W+ ≥ 40) = P(W+ ≤ 5) = (subsets of 1..9 summing to ≤ 5: 1 + 1 + 1 + 2 + 2 + 3 = 10) / 512.
        double[] first = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] second = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] differences = new double[first.length];
        for (int i = 0; i < first.length; i++) {
            differences[i] = first[i] - second[i];
        }
        WilcoxonSignedRank test = WilcoxonSignedRank.of(differences);
        assertEquals(9, test.n());
        assertEquals(40, test.w(), 1e-12);
        assertEquals(2 * 10 / 512.0, test.pValue(), 1e-12);
        // z: mean 22.5, variance 9·10·19/24 = 71.25, (17.5 − 0.5)/√71.25 = 2.013986 (SciPy's approximate z).
        assertEquals(2.013986184, test.z(), 1e-8);
    }

    @Test
    void tiesAndZerosGoToTheCorrectedNormalApproximation() {
        // 15 differences, 3 zeros dropped: 1 −1 1 1 2 1 −1 1 2 1 3 −2 (n = 12).
        // |1| × 8 take ranks 1..8 (mid-rank 4.5), |2| × 3 ranks 9..11 (10), |3| rank 12.
        // W+ = 6·4.5 + 2·10 + 12 = 59 (W− = 2·4.5 + 10 = 19; together 78 = 12·13/2).
        // Mean 39; variance 12·13·25/24 − ((8³ − 8) + (3³ − 3))/48 = 162.5 − 11 = 151.5.
        // z = (59 − 39 − 0.5)/√151.5 = 1.584267; two-sided p = 0.113133 (SciPy: wilcoxon(..., method='approx')).
        double[] differences = {0, 1, -1, 1, 1, 0, 2, 1, -1, 1, 2, 1, 3, 0, -2};
        WilcoxonSignedRank test = WilcoxonSignedRank.of(differences);
        assertEquals(12, test.n());
        assertEquals(59, test.w(), 1e-12);
        assertEquals(19.5 / Math.sqrt(151.5), test.z(), 1e-12);
        assertEquals(0.113133039, test.pValue(), 1e-8);
    }

    @Test
    void moreThanTwentyFiveDifferencesGoToTheNormalApproximation() {
        // 1..30 with every third negative: W− = 3 + 6 + ... + 30 = 165, W+ = 465 − 165 = 300.
        // Mean 232.5, variance 30·31·61/24 = 2363.75, z = 67/√2363.75 = 1.378079, p = 0.168179 (SciPy approx).
        double[] differences = new double[30];
        for (int k = 1; k <= 30; k++) {
            differences[k - 1] = k % 3 == 0 ? -k : k;
        }
        WilcoxonSignedRank test = WilcoxonSignedRank.of(differences);
        assertEquals(300, test.w(), 1e-12);
        assertEquals(67 / Math.sqrt(2363.75), test.z(), 1e-12);
        assertEquals(0.168178980, test.pValue(), 1e-8);
        // The sign of z follows W+: flipping every difference flips it and keeps p.
        for (int i = 0; i < differences.length; i++) {
            differences[i] = -differences[i];
        }
        WilcoxonSignedRank flipped = WilcoxonSignedRank.of(differences);
        assertEquals(165, flipped.w(), 1e-12);
        assertEquals(-test.z(), flipped.z(), 1e-12);
        assertEquals(test.pValue(), flipped.pValue(), 1e-12);
    }

    @Test
    void extremeAndEmptyCases() {
        // No non-zero difference: nothing to rank.
        assertEquals(new WilcoxonSignedRank(0, 0, 0, 1), WilcoxonSignedRank.of(new double[] {0, 0, -0.0}));
        assertEquals(new WilcoxonSignedRank(0, 0, 0, 1), WilcoxonSignedRank.of(new double[0]));
        // One positive difference: W+ = 1 of a possible 1, exact p = 2·½ = 1.
        assertEquals(1, WilcoxonSignedRank.of(new double[] {2}).pValue(), 1e-12);
        // Six positives, untied: P(W+ = 21) = 1/64, two-sided 1/32.
        WilcoxonSignedRank allUp = WilcoxonSignedRank.of(new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(21, allUp.w(), 1e-12);
        assertEquals(1 / 32.0, allUp.pValue(), 1e-12);
        // W+ at its mean: the continuity correction stops at the mean, z = 0 and p = 1.
        WilcoxonSignedRank balanced = WilcoxonSignedRank.of(new double[] {1, -1, 2, -2});
        assertEquals(0, balanced.z(), 1e-12);
        assertEquals(1, balanced.pValue(), 1e-12);
    }

    @Test
    void refusesDifferencesThatAreNotNumbers() {
        assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRank.of(new double[] {1, Double.NaN}));
        assertThrows(
                IllegalArgumentException.class, () -> WilcoxonSignedRank.of(new double[] {Double.NEGATIVE_INFINITY}));
    }
}
