package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void formatsWithTwoDecimalsAndItsInterval() {
        assertEquals("0.62 [0.48, 0.74]", new Estimate(0.62, 0.48, 0.74, 50).format());
        assertEquals("-0.02", Estimate.pointOnly(-0.0234, 125).format());
    }

    @Test
    void undefinedShowsAsNotApplicableAndHasNoNumbers() {
        Estimate e = Estimate.undefined(0);
        assertEquals("n/a", e.format());
        assertFalse(e.isDefined());
        assertEquals(OptionalDouble.empty(), e.point());
        assertEquals(OptionalDouble.empty(), e.low());
        assertEquals(OptionalDouble.empty(), e.high());
        assertEquals(Estimate.undefined(3), Estimate.of(OptionalDouble.empty(), 3));
    }

    @Test
    void anIntervalAroundNothingIsDropped() {
        Estimate e = new Estimate(Double.NaN, 0.1, 0.2, 4);
        assertFalse(e.hasInterval());
        assertTrue(Double.isNaN(e.ciLow()));
    }

    @Test
    void aZeroWidthIntervalIsNeverKept() {
        Estimate e = new Estimate(3, 3, 3, 4);
        assertFalse(e.hasInterval());
        assertEquals(Estimate.NO_SPREAD, e.noInterval());
        assertEquals("3.00 (no spread in the rows)", e.format());
        assertEquals("", new Estimate(0.62, 0.48, 0.74, 50).noInterval());
        assertEquals("", Estimate.undefined(3).noInterval());
    }

    @Test
    void infinityAndReversedIntervalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(Double.POSITIVE_INFINITY, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Estimate(0.5, 0.6, 0.4, 1));
        assertThrows(IllegalArgumentException.class, () -> Estimate.undefined(-1));
    }
}
