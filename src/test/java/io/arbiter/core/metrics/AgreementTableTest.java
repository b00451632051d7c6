package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AgreementTableTest {

    private static final double EPS = 1e-9;

    @Test
    void cohensKappaOfThePublishedExample() {
        // Wikipedia, "Cohen's kappa", simple example: 50 proposals, both yes 20, A yes B no 5, A no B yes 10,
        // both no 15 -> po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4. Here A is the judge (Correct = yes)
        // and B is the truth about the base answer (right = yes).
        AgreementTable t = new AgreementTable(20, 5, 10, 15);
        assertEquals(50, t.n());
        assertEquals(0.7, t.agreement().getAsDouble(), EPS);
        assertEquals(0.4, t.kappa().getAsDouble(), EPS);
        // Hand-worked on the same table:
        // AC1: π = (25/50 + 30/50)/2 = 0.55, pe = 2·0.55·0.45 = 0.495, AC1 = (0.7 − 0.495)/0.505 = 0.405941
        assertEquals(0.205 / 0.505, t.ac1().getAsDouble(), EPS);
        // MCC = (20·15 − 5·10)/√(25·25·30·20) = 250/√375000 = 0.408248
        assertEquals(250 / Math.sqrt(375_000), t.mcc().getAsDouble(), EPS);
        // sensitivity 20/30, specificity 15/20, precision 20/25, balanced (0.6667 + 0.75)/2 = 0.708333
        assertEquals(20.0 / 30, t.sensitivity().getAsDouble(), EPS);
        assertEquals(0.75, t.specificity().getAsDouble(), EPS);
        assertEquals(0.8, t.precision().getAsDouble(), EPS);
        assertEquals((20.0 / 30 + 0.75) / 2, t.balancedAccuracy().getAsDouble(), EPS);
    }

    @Test
    void highAgreementParadoxKappaNearZeroAc1High() {
        // The "kappa paradox" (Feinstein & Cicchetti 1990), which AC1 was designed for (Gwet 2008); hand-worked:
        // tp 118, fp 5, fn 2, tn 0, n = 125. po = 118/125 = 0.944.
        // kappa: pe = (123·120 + 2·5)/125² = 14770/15625 = 0.94528, κ = (0.944 − 0.94528)/0.05472 = −0.023392
        // AC1: π = (123/125 + 120/125)/2 = 0.972, pe = 2·0.972·0.028 = 0.054432,
        //      AC1 = (0.944 − 0.054432)/0.945568 = 0.940776
        // MCC = (118·0 − 5·2)/√(123·2·120·5) = −10/√147600 = −0.026029
        AgreementTable t = new AgreementTable(118, 5, 2, 0);
        assertEquals(-0.00128 / 0.05472, t.kappa().getAsDouble(), EPS);
        assertEquals(0.889568 / 0.945568, t.ac1().getAsDouble(), EPS);
        assertEquals(-10 / Math.sqrt(147_600), t.mcc().getAsDouble(), EPS);
        assertEquals(0.0, t.specificity().getAsDouble(), EPS);
    }

    @Test
    void judgeThatAlwaysSaysCorrect() {
        // tp 6, fp 4: po = 0.6, pe(kappa) = 1·0.6 + 0·0.4 = 0.6 -> κ = 0;
        // π = (1 + 0.6)/2 = 0.8, pe(AC1) = 0.32, AC1 = 0.28/0.68 = 0.411765; MCC has a zero marginal -> undefined.
        AgreementTable t = new AgreementTable(6, 4, 0, 0);
        assertEquals(0.0, t.kappa().getAsDouble(), EPS);
        assertEquals(0.28 / 0.68, t.ac1().getAsDouble(), EPS);
        assertEquals(OptionalDouble.empty(), t.mcc());
        assertEquals(1.0, t.sensitivity().getAsDouble(), EPS);
        assertEquals(0.0, t.specificity().getAsDouble(), EPS);
        assertEquals(0.6, t.precision().getAsDouble(), EPS);
        assertEquals(0.5, t.balancedAccuracy().getAsDouble(), EPS);
    }

    @Test
    void perfectAgreementWithEmptyOffDiagonal() {
        AgreementTable t = new AgreementTable(5, 0, 0, 5);
        assertEquals(1.0, t.kappa().getAsDouble(), EPS);
        assertEquals(1.0, t.ac1().getAsDouble(), EPS);
        assertEquals(1.0, t.mcc().getAsDouble(), EPS);
        // Perfect disagreement: κ = (0 − 0.5)/0.5 = −1, MCC = −25/25 = −1
        AgreementTable opposite = new AgreementTable(0, 5, 5, 0);
        assertEquals(-1.0, opposite.kappa().getAsDouble(), EPS);
        assertEquals(-1.0, opposite.mcc().getAsDouble(), EPS);
    }

    @Test
    void allOneClassLeavesWhatNeedsTheOtherClassUndefined() {
        // Every answer right and every one accepted: pe = 1 -> κ undefined; π = 1, pe(AC1) = 0 -> AC1 = 1.
        AgreementTable t = new AgreementTable(10, 0, 0, 0);
        assertEquals(1.0, t.agreement().getAsDouble(), EPS);
        assertEquals(OptionalDouble.empty(), t.kappa());
        assertEquals(1.0, t.ac1().getAsDouble(), EPS);
        assertEquals(OptionalDouble.empty(), t.mcc());
        assertEquals(OptionalDouble.empty(), t.specificity());
        assertEquals(OptionalDouble.empty(), t.balancedAccuracy());
        assertEquals(1.0, t.sensitivity().getAsDouble(), EPS);
        // Every answer wrong and every one rejected: nothing is accepted, so precision is undefined too.
        AgreementTable wrong = new AgreementTable(0, 0, 0, 7);
        assertEquals(OptionalDouble.empty(), wrong.precision());
        assertEquals(OptionalDouble.empty(), wrong.sensitivity());
        assertEquals(1.0, wrong.specificity().getAsDouble(), EPS);
    }

    @Test
    void emptyTableHasNoStatistics() {
        AgreementTable t = AgreementTable.EMPTY;
        for (OptionalDouble s : new OptionalDouble[] {
            t.agreement(),
            t.kappa(),
            t.ac1(),
            t.mcc(),
            t.sensitivity(),
            t.specificity(),
            t.precision(),
            t.balancedAccuracy()
        }) {
            assertFalse(s.isPresent());
        }
    }

    @Test
    void rowsAddToTheirCell() {
        AgreementTable t = AgreementTable.EMPTY
                .plus(true, true)
                .plus(true, false)
                .plus(false, true)
                .plus(false, false)
                .plus(true, true);
        assertEquals(new AgreementTable(2, 1, 1, 1), t);
    }
}
