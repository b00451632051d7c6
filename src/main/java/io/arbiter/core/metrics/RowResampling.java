package io.arbiter.core.metrics;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The seeded percentile bootstrap over rows for a figure computed from per-row weights: each resample gives every
 * row the number of times it was drawn (drawn by {@link Bootstrap#resampleCells} with one cell per row), so a
 * statistic written once over weighted rows serves for the point (all weights 1) and for every resample.
 */
final class RowResampling {

    private RowResampling() {}

    /** The statistic on all rows with its percentile interval over the bootstrap's resamples of them. */
    static Estimate estimate(int rows, Bootstrap bootstrap, Function<long[], OptionalDouble> statistic) {
        long[] once = new long[rows];
        Arrays.fill(once, 1);
        OptionalDouble point = statistic.apply(once);
        if (point.isEmpty()) {
            return Estimate.undefined(rows);
        }
        long[][] resamples = bootstrap.resampleCells(once);
        double[] replicates = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            replicates[r] = statistic.apply(resamples[r]).orElse(Double.NaN);
        }
        return Bootstrap.percentile(point, rows, replicates);
    }
}
