package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Repeat figures worked by hand, and the same numbers from
 * {@code src/test/resources/io/arbiter/core/metrics/reliability_reference.py} ("repeats" line).
 */
class RepeatFiguresTest {

    private static final double EPS = 1e-9;

    @Test
    void sixRowsReadThreeTimes() {
        // Rows CCC, CIC, III, C.I, II., ..C: five rows have two readings or more; CIC and C.I are not unanimous,
        // so the flip rate is 2/5. Shares 1, 2/3, 1, 1/2, 1 have mean 0.8333. C.I is a tie: one row without a majority.
        // Fleiss over the complete rows CCC, CIC, III: P_i = 1, 1/3, 1, P̄ = 7/9; p_C = 5/9, p_I = 4/9,
        // P_e = 41/81, κ = (63 − 41)/(81 − 41) = 0.55.
        RepeatFigures figures =
                RepeatFigures.of(RatingsFixtures.rows("C C C", "C I C", "I I I", "C . I", "I I .", ". . C"));
        assertEquals(0.4, figures.flipRate().value(), EPS);
        assertEquals(Wilson.interval(2, 5), figures.flipRate());
        assertEquals(0.833333333333, figures.meanAgreement().value(), EPS);
        assertTrue(figures.meanAgreement().ciHigh() <= 1);
        assertEquals(0.55, figures.fleiss().kappa().value(), EPS);
        assertEquals(3, figures.fleiss().rowsLeftOut());
        assertEquals(5, figures.repeatedRows());
        assertEquals(1, figures.noMajorityRows());
        assertEquals("C", figures.rows().get(5).category());
        assertEquals(6, figures.rows().size());
    }

    @Test
    void noRowReadTwiceLeavesEveryFigureUndefined() {
        RepeatFigures figures = RepeatFigures.of(RatingsFixtures.rows("C .", ". .", ". I"));
        assertFalse(figures.flipRate().isDefined());
        assertFalse(figures.meanAgreement().isDefined());
        assertFalse(figures.fleiss().kappa().isDefined());
        assertEquals(0, figures.repeatedRows());
        assertFalse(RepeatFigures.of(RatingsFixtures.rows()).flipRate().isDefined());
    }
}
