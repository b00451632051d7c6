package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final AgreementTable TYPICAL = new AgreementTable(40, 9, 6, 45);

    @Test
    void sameSeedSameInterval() {
        Estimate first = Bootstrap.standard().estimate(TYPICAL, AgreementTable::kappa);
        Estimate again = new Bootstrap(Bootstrap.SEED, Bootstrap.RESAMPLES).estimate(TYPICAL, AgreementTable::kappa);
        assertEquals(first, again);
        Estimate otherSeed = new Bootstrap(1L, Bootstrap.RESAMPLES).estimate(TYPICAL, AgreementTable::kappa);
        assertNotEquals(first.ciLow(), otherSeed.ciLow());
    }

    @Test
    void intervalContainsThePointOfATypicalTable() {
        // κ = 0.6995 (po 0.85, pe 0.5008); with n = 100 its bootstrap interval is roughly ±0.14.
        List<AgreementTable> resamples = Bootstrap.standard().resample(TYPICAL);
        assertEquals(Bootstrap.RESAMPLES, resamples.size());
        assertTrue(resamples.stream().allMatch(t -> t.n() == 100));
        for (var statistic : List.<java.util.function.Function<AgreementTable, OptionalDouble>>of(
                AgreementTable::kappa, AgreementTable::ac1, AgreementTable::mcc, AgreementTable::balancedAccuracy)) {
            Estimate e = Bootstrap.estimate(TYPICAL, resamples, statistic);
            assertTrue(e.ciLow() < e.value() && e.value() < e.ciHigh(), e.toString());
            assertTrue(e.ciHigh() - e.ciLow() > 0.1 && e.ciHigh() - e.ciLow() < 0.4, e.toString());
        }
    }

    @Test
    void resampledHitsStayAroundTheRate() {
        long[] hits = Bootstrap.standard().resampleHits(30, 100);
        double mean = java.util.Arrays.stream(hits).average().orElseThrow();
        assertEquals(30, mean, 1.0);
        assertTrue(java.util.Arrays.stream(hits).allMatch(h -> h >= 0 && h <= 100));
    }

    @Test
    void undefinedPointHasNoInterval() {
        Estimate e = Bootstrap.standard().estimate(new AgreementTable(10, 0, 0, 0), AgreementTable::kappa);
        assertFalse(e.isDefined());
        assertEquals(10, e.n());
        assertEquals(
                "n/a",
                Bootstrap.standard()
                        .estimate(AgreementTable.EMPTY, AgreementTable::mcc)
                        .format());
    }

    @Test
    void mostlyUndefinedResamplesGiveThePointAlone() {
        // MCC needs the single fp row (else no wrong answer) and the single fn row (else no Incorrect) in a
        // resample: each is drawn with probability 1 − 0.99^100 = 0.63, both with 0.40 < 1/2.
        Estimate e = Bootstrap.standard().estimate(new AgreementTable(98, 1, 1, 0), AgreementTable::mcc);
        assertEquals(-1.0 / 99, e.value(), 1e-12);
        assertTrue(e.isDefined());
        assertFalse(e.hasInterval());
    }

    @Test
    void perfectAgreementOnFewRowsPrintsNoZeroWidthInterval() {
        // The case: kappa 1.00 [1.00, 1.00] on 10 rows. Ten rows are too few for any bootstrap interval.
        Estimate ten = Bootstrap.standard().estimate(new AgreementTable(6, 0, 0, 4), AgreementTable::kappa);
        assertEquals(1.0, ten.value(), 1e-12);
        assertFalse(ten.hasInterval());
        assertEquals("1.00 (too few rows)", ten.format());
        // Sixty rows all agreeing: every defined resample says 1, and a zero-width interval is not shown either.
        Estimate sixty = Bootstrap.standard().estimate(new AgreementTable(36, 0, 0, 24), AgreementTable::kappa);
        assertFalse(sixty.hasInterval());
        assertEquals("1.00 (no spread in the rows)", sixty.format());
    }

    @Test
    void undefinedResamplesAreCountedAndTheEndsCarryTheirMonteCarloError() {
        // One wrong answer in 40 rows: a resample misses it with probability (39/40)^40 = 0.36, and then has no
        // wrong answer, so specificity-based balanced accuracy is undefined on about 36% of resamples.
        Estimate e = Bootstrap.standard().estimate(new AgreementTable(30, 1, 9, 0), AgreementTable::balancedAccuracy);
        assertTrue(e.isDefined());
        double share = (double) e.resampling().undefined() / Bootstrap.RESAMPLES;
        assertEquals(Math.pow(39.0 / 40, 40), share, 0.02, e.resampling().toString());
        assertTrue(e.resampling().undefinedNote().contains("of 10000 resamples undefined"));
        Estimate typical = Bootstrap.standard().estimate(TYPICAL, AgreementTable::kappa);
        // κ's standard error at n = 100 is about 0.07; its ends' Monte-Carlo error about 0.027 of that.
        double error = typical.resampling().monteCarloError();
        assertTrue(error > 0.0005 && error < 0.005, "Monte-Carlo error " + error);
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        // type 7: h = 4·0.025 = 0.1 -> 1.1; h = 4·0.975 = 3.9 -> 4.9
        assertEquals(1.1, Bootstrap.quantile(sorted, 0.025), 1e-12);
        assertEquals(4.9, Bootstrap.quantile(sorted, 0.975), 1e-12);
        Estimate e = Bootstrap.percentile(OptionalDouble.of(3), 30, new double[] {5, Double.NaN, 1, 4, 2, 3});
        assertEquals(3, e.value());
        assertEquals(1.1, e.ciLow(), 1e-12);
        assertEquals(4.9, e.ciHigh(), 1e-12);
        assertEquals(30, e.n());
        assertEquals(6, e.resampling().resamples());
        assertEquals(1, e.resampling().undefined(), "the undefined replicate is counted, not dropped silently");
    }

    @Test
    void binomialDrawsHaveTheRightMeanAndSpreadInEveryRegime() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        // normal regime: n = 1e6, p = 0.3 → mean 300,000, sd ≈ 458
        // waiting-time regime: n = 1e6, p = 1e-5 → mean 10, sd ≈ 3.16; and p > 0.5 mirrors it
        double[][] cases = {{1_000_000, 0.3}, {1_000_000, 1e-5}, {1_000_000, 1 - 1e-5}, {20, 0.5}};
        for (double[] c : cases) {
            long n = (long) c[0];
            double p = c[1];
            int draws = 4_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                long x = Bootstrap.binomial(random, n, p);
                org.junit.jupiter.api.Assertions.assertTrue(x >= 0 && x <= n);
                sum += x;
                squares += (double) x * x;
            }
            double mean = sum / draws;
            double sd = Math.sqrt(squares / draws - mean * mean);
            double expectedSd = Math.sqrt(n * p * (1 - p));
            // the mean of 4,000 draws is within 5 standard errors; the sd within 10 %
            assertEquals(n * p, mean, 5 * expectedSd / Math.sqrt(draws), "mean for " + n + ", " + p);
            assertEquals(expectedSd, sd, 0.1 * expectedSd, "sd for " + n + ", " + p);
        }
    }

    @Test
    void aMillionRowTableIsResampledFromCountsAndItsIntervalHoldsThePoint() {
        AgreementTable big = new AgreementTable(400_000, 100_000, 150_000, 350_000);
        Estimate kappa = Bootstrap.standard().estimate(big, AgreementTable::kappa);
        org.junit.jupiter.api.Assertions.assertTrue(
                kappa.low().getAsDouble() <= kappa.point().getAsDouble()
                        && kappa.point().getAsDouble() <= kappa.high().getAsDouble(),
                kappa.format());
        assertEquals(kappa, Bootstrap.standard().estimate(big, AgreementTable::kappa), "same seed, same interval");
    }

    @Test
    void resampledCellsKeepTheRowsAndTheirShares() {
        // Row by row (n = 100) and from the multinomial (n = 1,000,000): every resample has n rows, empty cells stay
        // empty, and each cell's mean count over the resamples is within 5 standard errors of its own count.
        for (long scale : new long[] {1, 10_000}) {
            long[] cells = {20 * scale, 0, 50 * scale, 30 * scale};
            long n = 100 * scale;
            long[][] resampled = Bootstrap.standard().resampleCells(cells);
            assertEquals(Bootstrap.RESAMPLES, resampled.length);
            double[] means = new double[cells.length];
            for (long[] counts : resampled) {
                assertEquals(n, java.util.Arrays.stream(counts).sum());
                assertEquals(0, counts[1]);
                for (int k = 0; k < cells.length; k++) {
                    means[k] += (double) counts[k] / resampled.length;
                }
            }
            for (int k = 0; k < cells.length; k++) {
                double p = (double) cells[k] / n;
                double standardError = Math.sqrt(n * p * (1 - p) / resampled.length);
                assertEquals(cells[k], means[k], 5 * standardError + 1e-9, "cell " + k + " of " + n);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    resampled, Bootstrap.standard().resampleCells(cells));
        }
    }
}
