package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantilesMatchTheTable() {
        // t(0.975, df) from scipy.stats.t.ppf, to nine decimals; the common printed table agrees to its three.
        double[][] table = {
            {1, 12.706204736},
            {2, 4.302652730},
            {3, 3.182446305},
            {4, 2.776445105},
            {5, 2.570581836},
            {9, 2.262157163},
            {10, 2.228138852},
            {30, 2.042272456},
            {100, 1.983971519},
            {1000, 1.962339081},
            {1_000_000, 1.959966357}
        };
        for (double[] row : table) {
            assertEquals(row[1], StudentT.quantile(0.975, row[0]), 1e-8, "df " + row[0]);
            assertEquals(-row[1], StudentT.quantile(0.025, row[0]), 1e-8, "df " + row[0]);
        }
    }

    @Test
    void closedFormsForOneAndTwoDegreesOfFreedom() {
        // df = 1 is Cauchy: t = tan(π(p − ½)); df = 2: t = (2p − 1)/√(2p(1 − p)).
        for (double p : new double[] {0.6, 0.9, 0.975, 0.999}) {
            assertEquals(Math.tan(Math.PI * (p - 0.5)), StudentT.quantile(p, 1), 1e-9 * Math.tan(Math.PI * (p - 0.5)));
            assertEquals((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), StudentT.quantile(p, 2), 1e-9);
            assertEquals(p, StudentT.cdf(Math.tan(Math.PI * (p - 0.5)), 1), 1e-12);
        }
    }

    @Test
    void distributionFunctionIsSymmetricAndInvertsTheQuantile() {
        // scipy.stats.t.cdf(-1.3, 7) = 0.117383918; t.ppf(0.9, 2.5) = 1.730250929 (a fractional df).
        assertEquals(0.117383918, StudentT.cdf(-1.3, 7), 1e-9);
        assertEquals(1 - 0.117383918, StudentT.cdf(1.3, 7), 1e-9);
        assertEquals(0.5, StudentT.cdf(0, 3), 1e-15);
        assertEquals(1.730250929, StudentT.quantile(0.9, 2.5), 1e-8);
        assertEquals(0.8, StudentT.cdf(StudentT.quantile(0.8, 13), 13), 1e-12);
    }

    @Test
    void meanIntervalWeighsValuesByTheirCounts() {
        // 2, 2, 2, 5: mean 2.75, s² = (3·0.5625 + 5.0625)/3 = 2.25, se = 1.5/2 = 0.75, t(0.975, 3) = 3.182446.
        Estimate e = StudentT.meanInterval(new double[] {2, 5, 9}, new long[] {3, 1, 0});
        assertEquals(2.75, e.value(), 1e-12);
        assertEquals(2.75 - 0.75 * 3.182446305, e.ciLow(), 1e-8);
        assertEquals(2.75 + 0.75 * 3.182446305, e.ciHigh(), 1e-8);
        assertEquals(4, e.n());
        assertEquals(Estimate.undefined(0), StudentT.meanInterval(new double[] {1}, new long[] {0}));
        assertEquals(Estimate.pointOnly(5, 1), StudentT.meanInterval(new double[] {1, 5}, new long[] {0, 1}));
    }

    @Test
    void refusesWhatHasNoQuantile() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 5));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, Double.POSITIVE_INFINITY));
    }
}
