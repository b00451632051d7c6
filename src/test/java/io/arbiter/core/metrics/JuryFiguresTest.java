package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A jury of four against the values printed by {@code src/test/resources/io/arbiter/core/metrics/reliability_reference.py}
 * (its JURY table: the same rows, "." a missing reading or reference), and small cases worked by hand.
 */
class JuryFiguresTest {

    private static final double EPS = 1e-9;

    /** Four jurors' readings and, last, the reference of each row. */
    private static final String[] ROWS = {
        "C C C I C", "C I C C C", "I I C I I", "C I I I I", "I C I I I", "C . C C C", "I I . C I",
        "C C C C .", "I C I . I", "C C I C C", ". . . . C", "I I I C I", "C . C I C", "I C C I I"
    };

    private static final double[] COSTS = {1.0, 0.2, 0.3, 0.25};

    private static JuryFigures jury(double... costs) {
        List<String> jurorRows = new ArrayList<>();
        List<String> reference = new ArrayList<>();
        for (String row : ROWS) {
            jurorRows.add(row.substring(0, row.length() - 2));
            String ref = row.substring(row.length() - 1);
            reference.add(ref.equals(".") ? null : ref);
        }
        Ratings ratings = RatingsFixtures.named(List.of("a", "b", "c", "d"), jurorRows.toArray(String[]::new));
        return JuryFigures.of(ratings, reference, costs);
    }

    @Test
    void eachJurorAgainstTheReference() {
        JuryFigures jury = jury(COSTS);
        double[][] expected = {{11, 12, 0.833333333333}, {6, 10, 0.2}, {8, 11, 0.459016393443}, {7, 11, 0.266666666667}
        };
        for (int j = 0; j < 4; j++) {
            JurorFigures juror = jury.jurors().get(j);
            assertEquals(Wilson.interval((long) expected[j][0], (long) expected[j][1]), juror.agreement());
            assertEquals(expected[j][1], juror.n());
            assertEquals(expected[j][2], juror.kappa().value(), EPS, juror.name());
            assertEquals(COSTS[j], juror.cost());
        }
        assertEquals("a", jury.jurors().get(0).name());
    }

    @Test
    void theJuryMajorityAndAgreementAmongJurors() {
        JuryFigures jury = jury(COSTS);
        // Row 14 (I C C I) is a tie: no majority, not agreeing, counted apart.
        assertEquals(Wilson.interval(11, 12), jury.jury().agreement());
        assertEquals(1, jury.jury().noMajority());
        assertEquals(0.844155844156, jury.jury().kappa().value(), EPS);
        // Fewer than 30 rows: no bootstrap interval, by the rule in docs/STATISTICS.md ("Intervals at the edges").
        assertFalse(jury.jury().kappa().hasInterval());
        assertEquals(1.75, jury.jury().cost(), EPS);
        assertEquals(0.071207430341, jury.fleiss().kappa().value(), EPS);
        assertEquals(0.068764568765, jury.alpha().alpha().value(), EPS);
        assertNull(jury.majorities().get(13).category());
        assertEquals("C", jury.majorities().get(7).category());
    }

    @Test
    void theJurorByJurorMatrix() {
        String[][] expected = {
            {"13/13", "6/11", "8/12", "7/12"},
            {"6/11", "11/11", "5/10", "4/10"},
            {"8/12", "5/10", "12/12", "5/11"},
            {"7/12", "4/10", "5/11", "12/12"}
        };
        List<List<Proportion>> matrix = jury(COSTS).agreementMatrix();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                Proportion p = matrix.get(a).get(b);
                assertEquals(expected[a][b], p.hits() + "/" + p.n(), a + "," + b);
            }
        }
    }

    @Test
    void theCheapestSubsetReachingAKappa() {
        JuryFigures jury = jury(COSTS);
        // From the reference script: κ ≥ 0.3 is first reached alone by c (0.30, κ 0.392); κ ≥ 0.5 by a (1.00).
        JuryMajority cheap = jury.cheapestSubset(0.3).orElseThrow();
        assertEquals(List.of("c"), cheap.jurors());
        assertEquals(0.392405063291, cheap.kappa().value(), EPS);
        assertEquals(0.3, cheap.cost(), EPS);
        assertEquals(List.of("a"), jury.cheapestSubset(0.5).orElseThrow().jurors());
        assertEquals(List.of("a"), jury.cheapestSubset(0.7).orElseThrow().jurors());
        assertTrue(jury.cheapestSubset(0.9).isEmpty());
        // With a's cost unknown, a subset without it is preferred even when dearer: b, c, d (0.75) reaches 0.47.
        JuryMajority known =
                jury(Double.NaN, 0.2, 0.3, 0.25).cheapestSubset(0.45).orElseThrow();
        assertEquals(List.of("b", "c", "d"), known.jurors());
        // Only subsets with a reach 0.6: the unknown cost is reported as null, the highest kappa (a, c, d: 0.844) wins.
        JuryMajority unknown =
                jury(Double.NaN, 0.2, 0.3, 0.25).cheapestSubset(0.6).orElseThrow();
        assertNull(unknown.cost());
        assertEquals(List.of("a", "c", "d"), unknown.jurors());
    }

    @Test
    void tiesGoToTheHigherKappaThenFewerJurors() {
        // Two jurors who always agree with the reference and each other, cost 0: {x}, {y} and {x, y} all κ = 1 at cost
        // 0; the fewer jurors win, then the first met ({x}).
        Ratings ratings = RatingsFixtures.named(List.of("x", "y"), "A A", "B B", "A A");
        JuryFigures jury = JuryFigures.of(ratings, List.of("A", "B", "A"), new double[] {0, 0});
        assertEquals(List.of("x"), jury.cheapestSubset(1.0).orElseThrow().jurors());
    }

    @Test
    void degenerateJuriesAreUndefinedNotErrors() {
        JuryFigures empty = JuryFigures.of(new Ratings(List.of("a"), List.of()), List.of(), new double[] {Double.NaN});
        assertFalse(empty.jury().kappa().isDefined());
        assertFalse(empty.jurors().get(0).agreement().isDefined());
        assertNull(empty.jurors().get(0).cost());
        assertTrue(empty.cheapestSubset(0).isEmpty());
        // No reference at all.
        Ratings ratings = RatingsFixtures.rows("A B", "B B");
        JuryFigures unlabelled = JuryFigures.of(ratings, Arrays.asList(null, null), new double[] {1, 1});
        assertFalse(unlabelled.jury().agreement().isDefined());
        assertTrue(unlabelled.fleiss().kappa().isDefined());
        // One category everywhere: kappa undefined, agreement 1.
        JuryFigures same = JuryFigures.of(RatingsFixtures.rows("A A", "A A"), List.of("A", "A"), new double[] {1, 1});
        assertFalse(same.jury().kappa().isDefined());
        assertEquals(1.0, same.jury().agreement().value(), EPS);
        Ratings thirteen = new Ratings(Collections.nCopies(13, "j"), List.of(Collections.nCopies(13, "A")));
        assertThrows(IllegalArgumentException.class, () -> JuryFigures.of(thirteen, List.of("A"), new double[13])
                .cheapestSubset(0));
    }
}
