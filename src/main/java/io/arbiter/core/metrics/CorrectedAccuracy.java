package io.arbiter.core.metrics;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Base accuracy on rows without truth, estimated from the judge's Correct rate there and corrected by the judge's
 * sensitivity and specificity on the labelled rows (Rogan and Gladen 1978): (p + Sp − 1) / (Se + Sp − 1),
 * clipped to [0, 1]. The interval resamples the labelled rows (for Se and Sp) and the unlabelled rows (for p).
 *
 * @param estimate    the corrected accuracy; undefined without unlabelled rows or when Se + Sp − 1 ≤ 0
 * @param judgeCorrect the judge's Correct verdicts on the unlabelled rows
 * @param unlabelled  unlabelled rows with a parsed base answer and a parsed judge verdict
 * @param assumption  what the estimate takes for granted, in one sentence
 */
public record CorrectedAccuracy(Estimate estimate, long judgeCorrect, long unlabelled, String assumption) {

    public static final String ASSUMPTION = "Assumes the judge accepts right answers and rejects wrong ones as often "
            + "on rows without truth as on the labelled rows, i.e. that the labelled rows are like the others.";

    /** The estimate for {@code unlabelled} rows of which the judge calls {@code judgeCorrect} Correct. */
    public static CorrectedAccuracy of(
            AgreementTable labelled, long judgeCorrect, long unlabelled, Bootstrap bootstrap) {
        if (judgeCorrect < 0 || judgeCorrect > unlabelled) {
            throw new IllegalArgumentException("Bad count " + judgeCorrect + "/" + unlabelled);
        }
        OptionalDouble point =
                unlabelled == 0 ? OptionalDouble.empty() : roganGladen((double) judgeCorrect / unlabelled, labelled);
        if (point.isEmpty()) {
            return new CorrectedAccuracy(Estimate.undefined(unlabelled), judgeCorrect, unlabelled, ASSUMPTION);
        }
        List<AgreementTable> tables = bootstrap.resample(labelled);
        long[] hits = bootstrap.resampleHits(judgeCorrect, unlabelled);
        double[] replicates = new double[tables.size()];
        for (int r = 0; r < replicates.length; r++) {
            replicates[r] =
                    roganGladen((double) hits[r] / unlabelled, tables.get(r)).orElse(Double.NaN);
        }
        return new CorrectedAccuracy(
                Bootstrap.percentile(point, unlabelled, replicates), judgeCorrect, unlabelled, ASSUMPTION);
    }

    /** (p + Sp − 1) / (Se + Sp − 1) clipped to [0, 1]; empty when Se or Sp is undefined or Se + Sp − 1 ≤ 0. */
    public static OptionalDouble roganGladen(double p, AgreementTable labelled) {
        OptionalDouble se = labelled.sensitivity();
        OptionalDouble sp = labelled.specificity();
        if (se.isEmpty() || sp.isEmpty()) {
            return OptionalDouble.empty();
        }
        return roganGladen(p, se.getAsDouble(), sp.getAsDouble());
    }

    /** (p + Sp − 1) / (Se + Sp − 1) clipped to [0, 1]; empty when Se + Sp − 1 ≤ 0 (a judge no better than chance). */
    public static OptionalDouble roganGladen(double p, double se, double sp) {
        double youden = se + sp - 1;
        if (youden <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, Math.min(1, (p + sp - 1) / youden)));
    }
}
