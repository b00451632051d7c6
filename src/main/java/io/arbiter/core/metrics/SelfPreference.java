package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The self-preference probe (Zheng et al. 2023): a judge may favour answers from a model of its own family
 * ({@link ModelFamily}, read from the names). It is flagged when a judge shares the base model's family. Where a jury
 * has jurors of that family and of others, the difference is measured on the same rows: over the rows read by at
 * least one juror of each group, the same-family jurors' acceptance rate (their accepting readings over their
 * readings) minus the other jurors'. Its interval is the seeded paired bootstrap over those rows (a resampled row
 * keeps both groups' readings). Undefined when either group is empty or no row is read by both.
 *
 * @param baseFamily  the base model's family, null when unknown
 * @param sameFamily  the judges (or jurors) of the base's family, in the order given
 * @param otherFamily the others, unknown families included
 * @param difference  same-family acceptance rate minus the others', with its 95% interval; n is the rows
 * @param reading     one line saying what the figures say
 */
public record SelfPreference(
        ModelFamily baseFamily,
        List<String> sameFamily,
        List<String> otherFamily,
        Estimate difference,
        String reading) {

    public SelfPreference {
        sameFamily = List.copyOf(sameFamily);
        otherFamily = List.copyOf(otherFamily);
    }

    /** True when a judge shares the base model's family. */
    public boolean flagged() {
        return !sameFamily.isEmpty();
    }

    /** The flag alone, for a single judge or a jury without readings to compare. */
    public static SelfPreference of(String baseModel, List<String> judgeModels) {
        return of(baseModel, new Ratings(judgeModels, List.of()), "", Bootstrap.standard());
    }

    /** The flag and the difference with the standard bootstrap. */
    public static SelfPreference of(String baseModel, Ratings jurors, String accepted) {
        return of(baseModel, jurors, accepted, Bootstrap.standard());
    }

    /**
     * The flag and the difference on the jury's readings.
     *
     * @param baseModel the model whose answers were judged
     * @param jurors    the jurors' readings, raters named by model
     * @param accepted  the category that accepts the base answer (a verdict's "CORRECT", say)
     */
    public static SelfPreference of(String baseModel, Ratings jurors, String accepted, Bootstrap bootstrap) {
        ModelFamily family = ModelFamily.of(baseModel).orElse(null);
        List<Integer> same = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        for (int j = 0; j < jurors.raters(); j++) {
            boolean sameFamily =
                    family != null && ModelFamily.of(jurors.raterNames().get(j)).orElse(null) == family;
            (sameFamily ? same : other).add(j);
        }
        // Per row, {accepted, readings} for each group, kept only where both groups read the row.
        List<long[]> rows = new ArrayList<>();
        for (List<String> row : jurors.rows()) {
            long[] sameCounts = counts(row, same, accepted);
            long[] otherCounts = counts(row, other, accepted);
            if (sameCounts[1] > 0 && otherCounts[1] > 0) {
                rows.add(new long[] {sameCounts[0], sameCounts[1], otherCounts[0], otherCounts[1]});
            }
        }
        Estimate difference = same.isEmpty() || other.isEmpty()
                ? Estimate.undefined(rows.size())
                : RowResampling.estimate(rows.size(), bootstrap, weights -> difference(rows, weights));
        List<String> names = jurors.raterNames();
        return new SelfPreference(
                family,
                same.stream().map(names::get).toList(),
                other.stream().map(names::get).toList(),
                difference,
                reading(family, same.size(), other.size(), difference));
    }

    private static long[] counts(List<String> row, List<Integer> group, String accepted) {
        long yes = 0;
        long read = 0;
        for (int j : group) {
            String reading = row.get(j);
            if (reading != null) {
                read++;
                yes += reading.equals(accepted) ? 1 : 0;
            }
        }
        return new long[] {yes, read};
    }

    private static OptionalDouble difference(List<long[]> rows, long[] weights) {
        double[] sums = new double[4];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 4; k++) {
                sums[k] += (double) weights[i] * rows.get(i)[k];
            }
        }
        if (sums[1] == 0 || sums[3] == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sums[0] / sums[1] - sums[2] / sums[3]);
    }

    private static String reading(ModelFamily family, int same, int other, Estimate difference) {
        if (family == null) {
            return "The base model's family is unknown: self-preference not checked";
        }
        if (same == 0) {
            return "No judge shares the base model's family (" + family.id() + ")";
        }
        if (other == 0) {
            return "The judge shares the base model's family (" + family.id()
                    + ") and may favour it; a juror of another family would measure it";
        }
        if (!difference.isDefined()) {
            return "Jurors of the base model's family (" + family.id() + ") and others read no row in common";
        }
        String figure = (difference.value() >= 0 ? "+" : "") + difference.format();
        if (difference.hasInterval() && difference.ciLow() > 0) {
            return "Jurors of the base model's family (" + family.id() + ") accept it more often than the others: "
                    + figure;
        }
        if (difference.hasInterval() && difference.ciHigh() < 0) {
            return "Jurors of the base model's family (" + family.id() + ") accept it less often than the others: "
                    + figure;
        }
        return "No sign that jurors of the base model's family (" + family.id() + ") favour it: " + figure;
    }
}
