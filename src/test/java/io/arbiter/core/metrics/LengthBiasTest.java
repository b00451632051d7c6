package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verbosity probe against the "length" lines of
 * {@code src/test/resources/io/arbiter/core/metrics/reliability_reference.py} (numpy quantiles, scipy's spearmanr and
 * t quantile), and small cases worked by hand.
 */
class LengthBiasTest {

    private static final double EPS = 1e-9;
    private static final int[] LENGTHS = {12, 40, 40, 7, 95, 60, 23, 40, 150, 88, 15, 60};
    private static final Boolean[] VERDICTS = {
        false, true, false, false, true, true, false, true, true, true, false, false
    };
    private static final Double[] SCORES = {2.0, 3.0, 3.0, 1.0, 5.0, 4.0, 2.0, 4.0, 5.0, 4.0, 2.0, 3.0};

    private static List<String> answers(int... lengths) {
        List<String> answers = new ArrayList<>();
        for (int length : lengths) {
            answers.add("  " + "é".repeat(length) + "\n"); // code points, not bytes; whitespace around not counted
        }
        return answers;
    }

    @Test
    void verdictsByLengthQuartile() {
        LengthBias bias = LengthBias.ofVerdicts(answers(LENGTHS), Arrays.asList(VERDICTS));
        assertEquals("characters", bias.unit());
        assertEquals(List.of(21.0, 40.0, 67.0), bias.edges());
        assertEquals(Wilson.interval(0, 3), bias.byQuartile().get(0));
        assertEquals(Wilson.interval(2, 4), bias.byQuartile().get(1)); // the three 40s sit on e2, all in Q2
        assertEquals(Wilson.interval(1, 2), bias.byQuartile().get(2));
        assertEquals(Wilson.interval(3, 3), bias.byQuartile().get(3));
        assertEquals(0.706267485008, bias.spearman().value(), EPS);
        assertEquals(0.148332356642, bias.spearman().ciLow(), EPS);
        assertEquals(0.923153988370, bias.spearman().ciHigh(), EPS);
        assertEquals("Longer answers are accepted more often: rho 0.71 [0.15, 0.92]", bias.reading());
    }

    @Test
    void scoresByLengthQuartile() {
        LengthBias bias = LengthBias.ofScores(answers(LENGTHS), Arrays.asList(SCORES));
        double[][] expected = {
            {1.666666666667, 0.232449090084, 3.100884243250},
            {3.000000000000, 1.700771736375, 4.299228263625},
            {3.500000000000, -2.853102368087, 9.853102368087},
            {4.666666666667, 3.232449090084, 6.100884243250}
        };
        for (int q = 0; q < 4; q++) {
            Estimate mean = bias.byQuartile().get(q);
            assertEquals(expected[q][0], mean.value(), EPS);
            assertEquals(expected[q][1], mean.ciLow(), 1e-6);
            assertEquals(expected[q][2], mean.ciHigh(), 1e-6);
        }
        assertEquals(0.931505068867, bias.spearman().value(), EPS);
        assertEquals(0.710076243232, bias.spearman().ciLow(), EPS);
        assertEquals(0.985274252728, bias.spearman().ciHigh(), EPS);
        assertTrue(bias.scores());
        assertEquals("Longer answers score higher: rho 0.93 [0.71, 0.99]", bias.reading());
    }

    @Test
    void averageRanksAndNoSignByHand() {
        // Ties share the mean of their ranks: 10, 20, 20, 30 -> 1, 2.5, 2.5, 4.
        assertEquals(
                List.of(1.0, 2.5, 2.5, 4.0),
                Arrays.stream(LengthBias.averageRanks(new double[] {10, 20, 20, 30}))
                        .boxed()
                        .toList());
        // Lengths 1..4 against verdicts 1, 0, 0, 1: ranks (1, 2, 3, 4) and (3.5, 1.5, 1.5, 3.5) -> ρ = 0;
        // interval tanh(±1.96·√(1/1)) = ±0.9611.
        LengthBias flat = LengthBias.ofVerdicts(answers(1, 2, 3, 4), List.of(true, false, false, true));
        assertEquals(0.0, flat.spearman().value(), EPS);
        assertEquals(Math.tanh(-Wilson.Z95), flat.spearman().ciLow(), EPS);
        assertEquals("No sign that length sways the judge: rho 0.00 [-0.96, 0.96]", flat.reading());
        // Perfectly shorter-is-better: ρ = −1, and its interval closes on it, which is no interval at all.
        LengthBias shorter = LengthBias.ofScores(answers(1, 2, 3, 4), List.of(4.0, 3.0, 2.0, 1.0));
        assertEquals(-1.0, shorter.spearman().value(), EPS);
        assertFalse(shorter.spearman().hasInterval());
        assertEquals("No sign that length sways the judge: rho -1.00 (no spread in the rows)", shorter.reading());
    }

    @Test
    void degenerateInputIsUndefined() {
        LengthBias none = LengthBias.ofVerdicts(List.of(), List.of());
        assertFalse(none.spearman().isDefined());
        assertTrue(none.edges().isEmpty());
        assertEquals(4, none.byQuartile().size());
        assertFalse(none.byQuartile().get(0).isDefined());
        assertEquals("Too few rows to tell whether length sways the judge (0)", none.reading());
        // Three rows, and rows without an answer or a verdict left out.
        LengthBias three = LengthBias.ofVerdicts(
                Arrays.asList("a", "bb", "ccc", null, "dddd"), Arrays.asList(true, false, true, true, null));
        assertFalse(three.spearman().isDefined());
        // Every verdict the same: no spread.
        LengthBias constant = LengthBias.ofVerdicts(answers(1, 2, 3, 4, 5), List.of(true, true, true, true, true));
        assertFalse(constant.spearman().isDefined());
        assertEquals("Length or verdict never varies: no sign either way", constant.reading());
        LengthBias nan = LengthBias.ofScores(answers(1, 2), Arrays.asList(Double.NaN, 2.0));
        assertEquals(1, nan.byQuartile().stream().mapToLong(Estimate::n).sum());
    }
}
