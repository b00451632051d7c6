package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fleiss' kappa against the worked example of Fleiss (1971) as Wikipedia shows it (κ = 0.210), whose exact value
 * 0.209930704422 comes from {@code src/test/resources/io/arbiter/core/metrics/reliability_reference.py}, and a case
 * worked by hand.
 */
class FleissKappaTest {

    private static final double EPS = 1e-9;

    /** The 10 subjects × 5 categories table: how many of the 14 raters put each subject in each category. */
    private static final int[][] FLEISS_1971 = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}
    };

    static Ratings fromCounts(int[][] table) {
        List<List<String>> rows = new ArrayList<>();
        int raters = 0;
        for (int[] counts : table) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < counts.length; j++) {
                row.addAll(Collections.nCopies(counts[j], "c" + (j + 1)));
            }
            raters = row.size();
            rows.add(row);
        }
        List<String> names = new ArrayList<>();
        for (int r = 0; r < raters; r++) {
            names.add("rater " + (r + 1));
        }
        return new Ratings(names, rows);
    }

    @Test
    void theWorkedExampleOfFleiss1971() {
        FleissKappa fleiss = FleissKappa.of(fromCounts(FLEISS_1971));
        assertEquals(0.209930704422, fleiss.kappa().value(), EPS);
        assertEquals(
                "0.21",
                String.format(java.util.Locale.ROOT, "%.2f", fleiss.kappa().value()));
        assertEquals(10, fleiss.rowsUsed());
        assertEquals(0, fleiss.rowsLeftOut());
        assertEquals(14, fleiss.raters());
        // Fewer than 30 rows: no bootstrap interval, by the rule in docs/STATISTICS.md ("Intervals at the edges").
        assertFalse(fleiss.kappa().hasInterval());
    }

    @Test
    void twoRatersOnThreeRowsByHand() {
        // Rows AA, AB, BB: P_i = 1, 0, 1, P̄ = 2/3; p_A = p_B = 1/2, P_e = 1/2; κ = (2/3 − 1/2)/(1/2) = 1/3.
        // The row with a missing reading is left out and counted.
        FleissKappa fleiss = FleissKappa.of(RatingsFixtures.rows("A A", "A B", "B B", "A ."));
        assertEquals(1.0 / 3, fleiss.kappa().value(), EPS);
        assertEquals(3, fleiss.rowsUsed());
        assertEquals(1, fleiss.rowsLeftOut());
        assertEquals(3, fleiss.kappa().n());
    }

    @Test
    void theIntervalIsTheSameEveryTime() {
        Ratings ratings = fromCounts(FLEISS_1971);
        assertEquals(FleissKappa.of(ratings), FleissKappa.of(ratings));
    }

    @Test
    void degenerateInputIsUndefinedNeverNaNOrAnError() {
        assertFalse(FleissKappa.of(RatingsFixtures.rows()).kappa().isDefined());
        assertFalse(FleissKappa.of(new Ratings(List.of("a", "b"), List.of()))
                .kappa()
                .isDefined());
        // One category throughout: P_e = 1.
        assertFalse(FleissKappa.of(RatingsFixtures.rows("A A", "A A")).kappa().isDefined());
        // Every row misses a reading.
        FleissKappa missing = FleissKappa.of(RatingsFixtures.rows("A .", ". B", ". ."));
        assertFalse(missing.kappa().isDefined());
        assertEquals(3, missing.rowsLeftOut());
        // A single rater has no one to agree with.
        assertFalse(FleissKappa.of(RatingsFixtures.rows("A", "B")).kappa().isDefined());
        assertEquals("n/a", FleissKappa.of(RatingsFixtures.rows("A A")).kappa().format());
    }
}
