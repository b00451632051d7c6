package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class McNemarTest {

    @Test
    void theWikipediaExampleGivesTheCorrectedChiSquareAndItsPValue() {
        // en.wikipedia.org/wiki/McNemar%27s_test, example: a = 101, b = 121, c = 59, d = 33.
        // Uncorrected chi-square is 21.35; with the continuity correction (|121 - 59| - 1)^2 / 180 = 20.672.
        McNemar test = McNemar.of(121, 59);
        assertFalse(test.exact());
        assertEquals(20.672222, test.statistic(), 1e-6);
        assertEquals(5.450095e-6, test.p(), 1e-11); // erfc(sqrt(20.672 / 2))
    }

    @Test
    void fewDiscordantPairsUseTheExactBinomial() {
        // 2 * sum_{i<=6} C(22, i) / 2^22 = 220 124 / 4 194 304 * 2
        McNemar test = McNemar.of(6, 16);
        assertTrue(test.exact());
        assertEquals(0.052478790283203125, test.p(), 1e-15);
        assertEquals(0.0625, McNemar.of(0, 5).p(), 1e-15, "2 / 2^5");
        assertEquals(0.01171875, McNemar.of(10, 1).p(), 1e-15, "2 * (1 + 11) / 2^11, either order");
        assertEquals(1, McNemar.of(3, 3).p(), 0, "a tie is capped at 1");
    }

    @Test
    void noDiscordantPairMeansNoEvidence() {
        McNemar test = McNemar.of(0, 0);
        assertEquals(1, test.p());
        assertEquals(0, test.statistic());
    }

    @Test
    void fromTwentyFiveDiscordantPairsTheChiSquareIsUsed() {
        assertFalse(McNemar.of(12, 13).exact());
        assertEquals(1, McNemar.of(12, 13).p(), 1e-12, "corrected statistic 0");
        McNemar test = McNemar.of(12, 30);
        assertEquals(6.880952, test.statistic(), 1e-6);
        assertEquals(0.0087119130, test.p(), 1e-9);
        assertTrue(McNemar.of(24, 0).exact(), "24 pairs is still exact");
    }

    @Test
    void theSurvivalFunctionMatchesKnownCriticalValues() {
        assertEquals(0.05, McNemar.chiSquareOneDfSurvival(3.841459), 1e-7);
        assertEquals(0.01, McNemar.chiSquareOneDfSurvival(6.634897), 1e-8);
        assertEquals(0.3173105, McNemar.chiSquareOneDfSurvival(1.0), 1e-7);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> McNemar.of(-1, 2));
    }
}
