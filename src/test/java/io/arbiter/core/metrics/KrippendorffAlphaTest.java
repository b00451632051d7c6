package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Krippendorff's alpha against his own example (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
 * section C: 4 coders × 12 units with missing values; published nominal α = 0.743, interval α = 0.849), the exact
 * values from {@code src/test/resources/io/arbiter/core/metrics/reliability_reference.py}, and a case worked by hand.
 */
class KrippendorffAlphaTest {

    private static final double EPS = 1e-9;

    static final Ratings KRIPPENDORFF_2011 = RatingsFixtures.columns(
            "1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3", ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 .");

    @Test
    void nominalOnKrippendorffsExample() {
        KrippendorffAlpha alpha = KrippendorffAlpha.nominal(KRIPPENDORFF_2011);
        assertEquals(0.743421052632, alpha.alpha().value(), EPS);
        // Unit 12 has one value and is not pairable: 11 units, 40 values (n.. in the paper).
        assertEquals(11, alpha.pairableRows());
        assertEquals(40, alpha.pairableReadings());
        // Fewer than 30 rows: no bootstrap interval, by the rule in docs/STATISTICS.md ("Intervals at the edges").
        assertFalse(alpha.alpha().hasInterval());
    }

    @Test
    void intervalOnKrippendorffsExample() {
        assertEquals(
                0.849107142857,
                KrippendorffAlpha.interval(KRIPPENDORFF_2011).alpha().value(),
                EPS);
    }

    @Test
    void nominalByHand() {
        // Rows AA, AB, BB: o_AA = 2, o_AB = o_BA = 1, o_BB = 2; n_A = n_B = 3, n = 6.
        // D_o = 2/6, D_e = 2·3·3/(6·5) = 0.6, α = 1 − (1/3)/0.6 = 4/9. The single reading "A ." is not pairable.
        KrippendorffAlpha alpha = KrippendorffAlpha.nominal(RatingsFixtures.rows("A A", "A B", "B B", "A ."));
        assertEquals(4.0 / 9, alpha.alpha().value(), EPS);
        assertEquals(3, alpha.pairableRows());
    }

    @Test
    void intervalByHand() {
        // Rows (1,1), (1,3), (3,3): o_13 = o_31 = 1, n_1 = n_3 = 3, n = 6; δ² = 4.
        // D_o = 2·4/6, D_e = 2·3·3·4/30, α = 1 − 5·8/72 = 4/9, as nominal with two values.
        assertEquals(
                4.0 / 9,
                KrippendorffAlpha.interval(RatingsFixtures.rows("1 1", "1 3", "3 3"))
                        .alpha()
                        .value(),
                EPS);
        assertThrows(IllegalArgumentException.class, () -> KrippendorffAlpha.interval(RatingsFixtures.rows("1 good")));
    }

    @Test
    void degenerateInputIsUndefined() {
        assertFalse(KrippendorffAlpha.nominal(RatingsFixtures.rows()).alpha().isDefined());
        assertFalse(KrippendorffAlpha.nominal(RatingsFixtures.rows("A A", "A A"))
                .alpha()
                .isDefined());
        assertFalse(KrippendorffAlpha.nominal(RatingsFixtures.rows("A .", ". ."))
                .alpha()
                .isDefined());
        assertFalse(KrippendorffAlpha.interval(RatingsFixtures.rows("2 2 2"))
                .alpha()
                .isDefined());
    }
}
