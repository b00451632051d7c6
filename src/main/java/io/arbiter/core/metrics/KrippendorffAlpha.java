package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), agreement among any
 * number of raters with missing readings allowed, by the coincidence matrix. A row (unit) with m_u ≥ 2 readings is
 * pairable; each ordered pair of its readings from different raters adds 1/(m_u − 1) to the coincidence o_ck of
 * their two values, so every pairable reading weighs 1. With n_c = Σ_k o_ck and n = Σ_c n_c:
 * α = 1 − D_o / D_e, D_o = Σ o_ck·δ²_ck / n and D_e = Σ n_c·n_k·δ²_ck / (n(n − 1)). The metric δ² is 0/1 for
 * nominal values (c ≠ k) and (c − k)² for interval ones. Undefined when fewer than two pairable readings, or only one
 * value among them (D_e = 0). The interval is the seeded percentile bootstrap over the rows.
 *
 * @param alpha         alpha with its 95% interval; n is the pairable rows
 * @param pairableRows  rows with at least two readings
 * @param pairableReadings readings in those rows (n above)
 */
public record KrippendorffAlpha(Estimate alpha, int pairableRows, long pairableReadings) {

    /** Alpha with the nominal metric: any two different categories disagree alike. */
    public static KrippendorffAlpha nominal(Ratings ratings) {
        return nominal(ratings, Bootstrap.standard());
    }

    public static KrippendorffAlpha nominal(Ratings ratings, Bootstrap bootstrap) {
        List<String> categories = ratings.categories();
        int k = categories.size();
        double[][] delta = new double[k][k];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                delta[c][d] = c == d ? 0 : 1;
            }
        }
        return of(ratings, categories, delta, bootstrap);
    }

    /**
     * Alpha with the interval metric (c − k)²: every reading must be a number written out, such as a score "4".
     *
     * @throws IllegalArgumentException naming the first reading that is not a number
     */
    public static KrippendorffAlpha interval(Ratings ratings) {
        return interval(ratings, Bootstrap.standard());
    }

    public static KrippendorffAlpha interval(Ratings ratings, Bootstrap bootstrap) {
        List<String> values = ratings.categories();
        int k = values.size();
        double[] numbers = new double[k];
        for (int c = 0; c < k; c++) {
            try {
                numbers[c] = Double.parseDouble(values.get(c).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Reading \"" + values.get(c) + "\" is not a number", e);
            }
            if (!Double.isFinite(numbers[c])) {
                throw new IllegalArgumentException("Reading \"" + values.get(c) + "\" is not a finite number");
            }
        }
        double[][] delta = new double[k][k];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                double difference = numbers[c] - numbers[d];
                delta[c][d] = difference * difference;
            }
        }
        return of(ratings, values, delta, bootstrap);
    }

    private static KrippendorffAlpha of(Ratings ratings, List<String> values, double[][] delta, Bootstrap bootstrap) {
        // Each pairable row as its counts per value; that is all alpha needs of it.
        List<long[]> units = new ArrayList<>();
        long readings = 0;
        for (int i = 0; i < ratings.size(); i++) {
            if (ratings.readingCount(i) < 2) {
                continue;
            }
            long[] counts = new long[values.size()];
            for (String reading : ratings.readings(i)) {
                counts[values.indexOf(reading)]++;
                readings++;
            }
            units.add(counts);
        }
        Estimate alpha = RowResampling.estimate(units.size(), bootstrap, weights -> alpha(units, delta, weights));
        return new KrippendorffAlpha(alpha, units.size(), readings);
    }

    /** α over units given as counts per value, unit u counted {@code weights[u]} times; empty where undefined. */
    static OptionalDouble alpha(List<long[]> units, double[][] delta, long[] weights) {
        int k = delta.length;
        double[] perValue = new double[k]; // n_c
        double observed = 0; // Σ o_ck·δ²_ck
        for (int u = 0; u < units.size(); u++) {
            long weight = weights[u];
            if (weight == 0) {
                continue;
            }
            long[] counts = units.get(u);
            long m = 0;
            for (long count : counts) {
                m += count;
            }
            double pairs = 0;
            for (int c = 0; c < k; c++) {
                perValue[c] += (double) weight * counts[c];
                for (int d = 0; d < k; d++) {
                    if (c != d) {
                        pairs += (double) counts[c] * counts[d] * delta[c][d];
                    }
                }
            }
            observed += weight * pairs / (m - 1);
        }
        double n = 0;
        double expected = 0; // Σ n_c·n_k·δ²_ck
        for (int c = 0; c < k; c++) {
            n += perValue[c];
            for (int d = 0; d < k; d++) {
                expected += perValue[c] * perValue[d] * delta[c][d];
            }
        }
        if (n < 2 || expected <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - (n - 1) * observed / expected);
    }
}
