package io.arbiter.core.metrics;

import io.arbiter.core.verdict.Preference;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A pairwise judge's outcomes against people's preferences, counted cell by cell: {@code counts[j][h]} rows whose
 * outcome was the j-th class and whose human preference the h-th, classes in the order A, B, tie (an inconsistent
 * row counts as a tie, as in the win rate). Every figure that is a function of the table alone is here, so a
 * bootstrap resample of the rows is a resample of the table.
 *
 * @param counts counts[judge class][human class], 3 × 3; copied in and out
 */
public record PreferenceConfusion(long[][] counts) {

    /** The classes of both rows and columns, in order. */
    public static final List<Preference> CLASSES = List.of(Preference.A, Preference.B, Preference.TIE);

    public PreferenceConfusion {
        if (counts.length != CLASSES.size()) {
            throw new IllegalArgumentException(counts.length + " rows of counts for the three classes A, B, tie");
        }
        long[][] copy = new long[counts.length][];
        for (int j = 0; j < counts.length; j++) {
            if (counts[j].length != CLASSES.size()) {
                throw new IllegalArgumentException(
                        counts[j].length + " columns of counts for the three classes A, B, tie");
            }
            copy[j] = counts[j].clone();
            for (long count : copy[j]) {
                if (count < 0) {
                    throw new IllegalArgumentException("Negative count " + count);
                }
            }
        }
        counts = copy;
    }

    /** The table with no row. */
    public static PreferenceConfusion empty() {
        return new PreferenceConfusion(new long[3][3]);
    }

    /** The class's name as the heat map and the CSV write it: "A", "B" or "tie". */
    public static String name(Preference preference) {
        return preference == Preference.TIE ? "tie" : preference.name();
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int j = 0; j < counts.length; j++) {
            copy[j] = counts[j].clone();
        }
        return copy;
    }

    /** Rows whose outcome was {@code judge} and whose human preference {@code human}. */
    public long count(Preference judge, Preference human) {
        return counts[index(judge)][index(human)];
    }

    /** A class's row or column: its place in {@link #CLASSES}. */
    static int index(Preference preference) {
        return CLASSES.indexOf(preference);
    }

    /** The largest cell, which a heat map shades darkest; 0 when there is no row. */
    public long max() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).max().orElse(0);
    }

    /** The rows counted. */
    public long n() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** Rows where the judge's class is the human's: the diagonal. */
    public long agreed() {
        long agreed = 0;
        for (int k = 0; k < counts.length; k++) {
            agreed += counts[k][k];
        }
        return agreed;
    }

    /**
     * Cohen's κ over the three classes: (po − pe) / (1 − pe), po the diagonal's share and pe = Σ r(k)·c(k) / n²
     * with r and c the judge's and the human's totals of class k; computed as (n·agreed − Σ r·c) / (n² − Σ r·c).
     * Empty when no disagreement is expected by chance (pe = 1: both always gave the same one class) or no row.
     */
    public OptionalDouble kappa() {
        long n = n();
        long chance = 0; // Σ r(k)·c(k)
        for (int k = 0; k < counts.length; k++) {
            long judge = 0;
            long human = 0;
            for (int other = 0; other < counts.length; other++) {
                judge += counts[k][other];
                human += counts[other][k];
            }
            chance += judge * human;
        }
        // Whole numbers, so zero is exact: no rounding can hide or fake it.
        long beyondChance = n * n - chance;
        if (beyondChance == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (n * agreed() - chance) / beyondChance);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreferenceConfusion that && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "PreferenceConfusion[counts=" + Arrays.deepToString(counts) + "]";
    }
}
