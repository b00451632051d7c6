package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's kappa over any categories: the 2×2 case is {@link AgreementTable#kappa()}'s, a 3×3 one by hand. */
class CohenKappaTest {

    private static final double EPS = 1e-12;

    @Test
    void twoCategoriesGiveTheTwoByTwoKappa() {
        // Wikipedia's 50 proposals (see AgreementTableTest): tp 20, fp 5, fn 10, tn 15 → κ = 0.4.
        List<String> reference = new ArrayList<>();
        List<String> rater = new ArrayList<>();
        add(reference, rater, 20, "yes", "yes");
        add(reference, rater, 5, "no", "yes");
        add(reference, rater, 10, "yes", "no");
        add(reference, rater, 15, "no", "no");
        assertEquals(new AgreementTable(20, 5, 10, 15).kappa().getAsDouble(), 0.4, EPS);
        assertEquals(
                0.4, CohenKappa.estimate(reference, rater, Bootstrap.standard()).value(), EPS);
    }

    @Test
    void threeCategoriesAndARowWithoutACategory() {
        // ref A B C A, rater A B B none: p_o = 2/4; p_e = (2·1 + 1·2 + 1·0)/16 = 1/4; κ = (1/2 − 1/4)/(3/4) = 1/3.
        List<String> reference = List.of("A", "B", "C", "A");
        List<String> rater = Arrays.asList("A", "B", "B", null);
        assertEquals(1.0 / 3, CohenKappa.kappa(reference, rater).getAsDouble(), EPS);
    }

    @Test
    void undefinedWithNoRowOrOneCategory() {
        assertFalse(
                CohenKappa.estimate(List.of(), List.of(), Bootstrap.standard()).isDefined());
        assertFalse(CohenKappa.kappa(List.of("A", "A"), List.of("A", "A")).isPresent());
    }

    private static void add(List<String> reference, List<String> rater, int n, String ref, String reading) {
        reference.addAll(Collections.nCopies(n, ref));
        rater.addAll(Collections.nCopies(n, reading));
    }
}
