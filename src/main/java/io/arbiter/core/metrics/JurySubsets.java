package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The search behind {@link JuryFigures#cheapestSubset}: every non-empty subset of jurors, by its majority's kappa. */
final class JurySubsets {

    private JurySubsets() {}

    /** The majority of the readings of the jurors in {@code subset} on one row. */
    static Majority majority(List<String> row, List<Integer> subset) {
        List<String> readings = new ArrayList<>(subset.size());
        subset.forEach(j -> readings.add(row.get(j)));
        return Majority.of(readings);
    }

    /** The subset chosen (jurors' indices), or empty when no subset's kappa reaches {@code kappaAtLeast}. */
    static Optional<List<Integer>> cheapest(JuryFigures jury, double kappaAtLeast) {
        int k = jury.ratings().raters();
        if (k > JuryFigures.MOST_JURORS_SEARCHED) {
            throw new IllegalArgumentException(
                    k + " jurors: the cheapest subset is searched among at most " + JuryFigures.MOST_JURORS_SEARCHED);
        }
        List<String> references = new ArrayList<>();
        jury.labelledRows().forEach(i -> references.add(jury.reference().get(i)));
        List<Integer> best = null;
        double bestCost = Double.NaN;
        double bestKappa = Double.NaN;
        for (int mask = 1; mask < 1 << k; mask++) {
            List<Integer> subset = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if ((mask & 1 << j) != 0) {
                    subset.add(j);
                }
            }
            List<String> verdicts = new ArrayList<>(references.size());
            for (int i : jury.labelledRows()) {
                verdicts.add(majority(jury.ratings().rows().get(i), subset).category());
            }
            double kappa = CohenKappa.kappa(references, verdicts).orElse(Double.NaN);
            if (!(kappa >= kappaAtLeast)) {
                continue;
            }
            double cost = jury.cost(subset);
            if (best == null || better(cost, kappa, subset, bestCost, bestKappa, best)) {
                best = subset;
                bestCost = cost;
                bestKappa = kappa;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Cheaper (unknown cost last), then higher kappa, then fewer jurors; masks count up, so the first met wins a tie. */
    private static boolean better(
            double cost, double kappa, List<Integer> subset, double bestCost, double bestKappa, List<Integer> best) {
        int byCost = compareCosts(cost, bestCost);
        if (byCost != 0) {
            return byCost < 0;
        }
        if (Math.abs(kappa - bestKappa) > 1e-12) {
            return kappa > bestKappa;
        }
        return subset.size() < best.size();
    }

    /** Costs within rounding of each other are equal (sums in another order differ in the last bits). */
    private static int compareCosts(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        }
        if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
            return 0;
        }
        return Double.compare(a, b);
    }
}
