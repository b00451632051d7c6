package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void publishedExample81Of263() {
        // Wikipedia, "Binomial proportion confidence interval", Wilson score interval example (Newcombe 1998):
        // 81 of 263 -> [0.2553, 0.3662]. Worked: p = 0.307985, z²/n = 3.841459/263 = 0.014606,
        // centre = (0.307985 + 0.007303) / 1.014606 = 0.310753,
        // half = 1.959964 · √(0.307985·0.692015/263 + 3.841459/(4·263²)) / 1.014606 = 0.055462.
        Estimate e = Wilson.interval(81, 263);
        assertEquals(81.0 / 263, e.value(), 1e-12);
        assertEquals(0.2553, e.ciLow(), 5e-5);
        assertEquals(0.3662, e.ciHigh(), 5e-5);
        assertEquals(263, e.n());
        assertEquals("0.31 [0.26, 0.37]", e.format());
    }

    @Test
    void allOrNothingStaysInsideZeroAndOne() {
        // 0/10: centre = (0 + 0.192073)/1.384146, half the same -> [0, 0.2775]; 10/10 mirrors it.
        Estimate none = Wilson.interval(0, 10);
        assertEquals(0, none.ciLow(), 1e-12);
        assertEquals(0.2775, none.ciHigh(), 5e-5);
        Estimate all = Wilson.interval(10, 10);
        assertEquals(0.7225, all.ciLow(), 5e-5);
        assertEquals(1, all.ciHigh(), 1e-12);
        assertEquals(1.0, all.value());
    }

    @Test
    void noTrialsIsUndefined() {
        Estimate e = Wilson.interval(0, 0);
        assertFalse(e.isDefined());
        assertFalse(e.hasInterval());
        assertEquals("n/a", e.format());
        assertEquals(0, e.n());
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 2));
    }

    @Test
    void aProportionBecomesItsInterval() {
        assertEquals(Wilson.interval(4, 7), Wilson.of(new Proportion(4, 7)));
    }
}
