package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CorrectedAccuracyTest {

    private static final AgreementTable LABELLED = new AgreementTable(40, 9, 6, 45);

    @Test
    void roganGladenByHand() {
        // Se = 40/46 = 0.869565, Sp = 45/54 = 0.833333; the judge says Correct on 30 of 50 unlabelled rows, p = 0.6.
        // (p + Sp − 1)/(Se + Sp − 1) = (0.6 + 0.833333 − 1)/(0.869565 + 0.833333 − 1) = 0.433333/0.702899 = 0.616495
        CorrectedAccuracy c = CorrectedAccuracy.of(LABELLED, 30, 50, Bootstrap.standard());
        assertEquals(0.616495, c.estimate().value(), 1e-6);
        assertEquals(50, c.estimate().n());
        assertTrue(
                c.estimate().ciLow() < 0.616495 && 0.616495 < c.estimate().ciHigh(),
                c.estimate().toString());
        assertEquals(c, CorrectedAccuracy.of(LABELLED, 30, 50, Bootstrap.standard()), "deterministic");
        assertEquals(CorrectedAccuracy.ASSUMPTION, c.assumption());
    }

    @Test
    void estimatesOutsideZeroToOneAreClipped() {
        // p = 0.1: (0.1 + 0.8333 − 1)/0.7029 = −0.095 -> 0; p = 1: (1 + 0.8333 − 1)/0.7029 = 1.186 -> 1
        assertEquals(
                0.0,
                CorrectedAccuracy.of(LABELLED, 5, 50, Bootstrap.standard())
                        .estimate()
                        .value());
        assertEquals(
                1.0,
                CorrectedAccuracy.of(LABELLED, 50, 50, Bootstrap.standard())
                        .estimate()
                        .value());
        // (0.5 + 0.9 − 1)/(0.9 + 0.9 − 1) = 0.4/0.8 = 0.5
        assertEquals(0.5, CorrectedAccuracy.roganGladen(0.5, 0.9, 0.9).getAsDouble(), 1e-12);
    }

    @Test
    void aJudgeNoBetterThanChanceCorrectsNothing() {
        // Se = Sp = 0.5 -> Se + Sp − 1 = 0
        CorrectedAccuracy c = CorrectedAccuracy.of(new AgreementTable(5, 5, 5, 5), 10, 20, Bootstrap.standard());
        assertFalse(c.estimate().isDefined());
        assertEquals("n/a", c.estimate().format());
        assertEquals(OptionalDouble.empty(), CorrectedAccuracy.roganGladen(0.5, 0.3, 0.6));
    }

    @Test
    void withoutUnlabelledRowsOrWithoutBothClassesThereIsNothingToCorrect() {
        assertFalse(CorrectedAccuracy.of(LABELLED, 0, 0, Bootstrap.standard())
                .estimate()
                .isDefined());
        // Only right answers were labelled: specificity is unknown.
        assertFalse(CorrectedAccuracy.of(new AgreementTable(8, 0, 2, 0), 3, 5, Bootstrap.standard())
                .estimate()
                .isDefined());
        assertFalse(CorrectedAccuracy.of(AgreementTable.EMPTY, 3, 5, Bootstrap.standard())
                .estimate()
                .isDefined());
    }
}
