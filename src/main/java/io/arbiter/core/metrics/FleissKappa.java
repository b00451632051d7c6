package io.arbiter.core.metrics;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Fleiss' kappa (Fleiss 1971), chance-corrected agreement among m ≥ 2 raters of nominal categories, over the rows
 * every rater read (rows with a missing reading are left out and counted, as the formula needs the same m on every
 * row; Krippendorff's alpha is the figure that keeps them). With n_ij the raters putting row i in category j and N
 * rows: P_i = (Σ_j n_ij² − m) / (m(m − 1)), P̄ the mean of P_i, p_j = Σ_i n_ij / (N·m), P_e = Σ_j p_j², and
 * κ = (P̄ − P_e) / (1 − P_e). Undefined with no such row, fewer than two raters, or a single category throughout
 * (P_e = 1). The interval is the seeded percentile bootstrap over the rows used.
 *
 * @param kappa       the kappa with its 95% interval; n is the rows used
 * @param rowsUsed    rows every rater read
 * @param rowsLeftOut rows with at least one reading missing
 * @param raters      m, the readings on each row used
 */
public record FleissKappa(Estimate kappa, int rowsUsed, int rowsLeftOut, int raters) {

    /** Fleiss' kappa among the raters of {@code ratings} with the standard bootstrap. */
    public static FleissKappa of(Ratings ratings) {
        return of(ratings, Bootstrap.standard());
    }

    public static FleissKappa of(Ratings ratings, Bootstrap bootstrap) {
        int m = ratings.raters();
        List<Integer> complete = m < 2 ? List.of() : ratings.completeRows();
        List<String> categories = ratings.categories();
        long[][] counts = new long[complete.size()][categories.size()];
        for (int i = 0; i < complete.size(); i++) {
            for (String reading : ratings.rows().get(complete.get(i))) {
                counts[i][categories.indexOf(reading)]++;
            }
        }
        Estimate kappa = RowResampling.estimate(complete.size(), bootstrap, weights -> kappa(counts, m, weights));
        return new FleissKappa(kappa, complete.size(), ratings.size() - complete.size(), m);
    }

    /** κ over rows of category counts, each row counted {@code weights[i]} times; empty where undefined. */
    static OptionalDouble kappa(long[][] counts, int m, long[] weights) {
        if (m < 2 || counts.length == 0) {
            return OptionalDouble.empty();
        }
        int k = counts[0].length;
        double rows = 0;
        double agreement = 0;
        double[] perCategory = new double[k];
        for (int i = 0; i < counts.length; i++) {
            long weight = weights[i];
            if (weight == 0) {
                continue;
            }
            long squares = 0;
            for (int j = 0; j < k; j++) {
                squares += counts[i][j] * counts[i][j];
                perCategory[j] += (double) weight * counts[i][j];
            }
            rows += weight;
            agreement += weight * (double) (squares - m) / ((double) m * (m - 1));
        }
        double chance = 0;
        for (double total : perCategory) {
            double p = total / (rows * m);
            chance += p * p;
        }
        // A single category throughout: every agreement is expected by chance, and kappa says nothing.
        if (rows == 0 || 1 - chance < 1e-12) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((agreement / rows - chance) / (1 - chance));
    }
}
