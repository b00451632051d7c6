package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Cohen's kappa of one rater's categories against reference categories, for any number of nominal categories:
 * κ = (p_o − p_e) / (1 − p_e), p_o the share of rows where they agree and p_e = Σ_c (reference share of c)·(rater
 * share of c). With two categories it is {@link AgreementTable#kappa()}'s number. A row the rater gave no category
 * (a jury with no majority) stays in the rows, in a column of its own that agrees with nothing. Undefined with no row
 * or when p_e = 1. The interval is the seeded percentile bootstrap over the rows, drawn as
 * {@link Bootstrap#resampleCells} draws any table.
 */
final class CohenKappa {

    private CohenKappa() {}

    /**
     * Kappa with its interval over the rows; {@code reference} has no null, {@code readings} may (no category).
     *
     * @param reference the reference category of each row
     * @param readings  the rater's category of the same rows, null where it gave none
     */
    static Estimate estimate(List<String> reference, List<String> readings, Bootstrap bootstrap) {
        long[] cells = cells(reference, readings);
        int columns = columns(reference, readings);
        OptionalDouble point = kappa(cells, columns);
        if (point.isEmpty()) {
            return Estimate.undefined(reference.size());
        }
        long[][] resamples = bootstrap.resampleCells(cells);
        double[] replicates = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            replicates[r] = kappa(resamples[r], columns).orElse(Double.NaN);
        }
        return Bootstrap.percentile(point, reference.size(), replicates);
    }

    /** The point alone, for searches over many raters. */
    static OptionalDouble kappa(List<String> reference, List<String> readings) {
        return kappa(cells(reference, readings), columns(reference, readings));
    }

    /** Columns of the table: every category met, then the column of rows with no category. */
    private static int columns(List<String> reference, List<String> readings) {
        return categories(reference, readings).size() + 1;
    }

    private static List<String> categories(List<String> reference, List<String> readings) {
        Set<String> categories = new LinkedHashSet<>(reference);
        readings.stream().filter(Objects::nonNull).forEach(categories::add);
        return new ArrayList<>(categories);
    }

    /** The square table flattened row by row: cell[ref·columns + reading], the last column for no category. */
    private static long[] cells(List<String> reference, List<String> readings) {
        if (reference.size() != readings.size()) {
            throw new IllegalArgumentException(reference.size() + " references for " + readings.size() + " readings");
        }
        List<String> categories = categories(reference, readings);
        int columns = categories.size() + 1;
        long[] cells = new long[columns * columns];
        for (int i = 0; i < reference.size(); i++) {
            String reading = readings.get(i);
            int column = reading == null ? columns - 1 : categories.indexOf(reading);
            cells[categories.indexOf(Objects.requireNonNull(reference.get(i), "reference")) * columns + column]++;
        }
        return cells;
    }

    /** Kappa of a table flattened as {@link #cells} lays it out, {@code columns} wide (the last: no category). */
    static OptionalDouble kappa(long[] cells, int columns) {
        long n = 0;
        long agree = 0;
        long[] referenceTotals = new long[columns];
        long[] readingTotals = new long[columns];
        for (int c = 0; c < columns; c++) {
            for (int d = 0; d < columns; d++) {
                long count = cells[c * columns + d];
                n += count;
                referenceTotals[c] += count;
                readingTotals[d] += count;
                // The no-category column never agrees, not even with itself (no reference is "none").
                agree += c == d && c < columns - 1 ? count : 0;
            }
        }
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double chance = 0;
        for (int c = 0; c < columns - 1; c++) {
            chance += (double) referenceTotals[c] * readingTotals[c];
        }
        chance /= (double) n * n;
        if (1 - chance < 1e-12) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(((double) agree / n - chance) / (1 - chance));
    }
}
