package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One percentage for one share, whether it comes from counts or from a stored double. */
class ProportionTest {

    @Test
    void aHalfRoundsUpFromCountsAndFromTheStoredDoubleAlike() {
        // 51/80 = 0.6375 exactly; as a double it is 0.63749999..., which "%.1f" of 100x printed as 63.7.
        assertEquals("63.8%", new Proportion(51, 80).percent());
        assertEquals("63.8%", Proportion.percent(51.0 / 80));
        assertEquals("62.7%", Proportion.percent(52.0 / 83)); // 62.650...
        assertEquals("100.0%", Proportion.percent(1.0));
        assertEquals("0.0%", new Proportion(0, 3).percent());
        assertEquals("n/a", new Proportion(0, 0).percent());
        assertEquals("n/a", Proportion.percent(Double.NaN));
    }
}
