package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The search behind {@link JuryFigures#cheapestSubset}: every non-empty subset of jurors, by its majority's kappa.
 * Readings are coded as numbers once, so the up to 4,095 subsets each cost one pass over small arrays.
 */
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
        List<Integer> rows = jury.labelledRows();
        List<String> categories = new ArrayList<>();
        int[] reference = new int[rows.size()];
        int[][] readings = new int[rows.size()][k]; // category index, −1 for no reading
        for (int r = 0; r < rows.size(); r++) {
            reference[r] = code(categories, jury.reference().get(rows.get(r)));
            for (int j = 0; j < k; j++) {
                String reading = jury.ratings().reading(rows.get(r), j);
                readings[r][j] = reading == null ? -1 : code(categories, reading);
            }
        }
        int columns = categories.size() + 1; // the last: no majority
        List<Integer> best = null;
        double bestCost = Double.NaN;
        double bestKappa = Double.NaN;
        for (int mask = 1; mask < 1 << k; mask++) {
            long[] cells = new long[columns * columns];
            int[] votes = new int[categories.size()];
            for (int r = 0; r < rows.size(); r++) {
                cells[reference[r] * columns + majority(readings[r], mask, votes, columns - 1)]++;
            }
            double kappa = CohenKappa.kappa(cells, columns).orElse(Double.NaN);
            if (!(kappa >= kappaAtLeast)) {
                continue;
            }
            List<Integer> subset = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if ((mask & 1 << j) != 0) {
                    subset.add(j);
                }
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

    private static int code(List<String> categories, String category) {
        int index = categories.indexOf(category);
        if (index < 0) {
            categories.add(category);
            return categories.size() - 1;
        }
        return index;
    }

    /** The strict majority's category among the masked jurors' readings, or {@code none}, as {@link Majority}. */
    private static int majority(int[] readings, int mask, int[] votes, int none) {
        Arrays.fill(votes, 0);
        int n = 0;
        for (int j = 0; j < readings.length; j++) {
            if ((mask & 1 << j) != 0 && readings[j] >= 0) {
                votes[readings[j]]++;
                n++;
            }
        }
        for (int c = 0; c < votes.length; c++) {
            if (2 * votes[c] > n) {
                return c;
            }
        }
        return none;
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
