package io.arbiter.core.metrics;

/**
 * Base accuracy over every row the judge read, labelled or not, by prediction-powered inference (Angelopoulos et
 * al., Science 2023): the judge's Correct rate on the unlabelled rows, corrected by how far the judge's verdicts are
 * from the truth on the labelled rows. Unlike the Rogan–Gladen correction it uses what the labelled rows already say
 * about the base answer, so its interval is never wider than need be, and it needs no assumption beyond the labelled
 * rows being a fair sample of all.
 *
 * <p>With f = 1 when the judge says Correct and y = 1 when the base answer is right (by the truth, else a person):
 * classic PPI is θ = mean_U(f) + mean_L(y − f) with variance var_U(f)/|U| + var_L(y − f)/|L| (sample variances,
 * n − 1) and a normal 95% interval. PPI++ tunes the weight of the judge, θ_λ = mean_U(λf) + mean_L(y − λf), with
 * λ = cov_L(y, f) / ((1 + |L|/|U|) · var_{L∪U}(f)) clipped to [0, 1] (the estimate of the authors' ppi_py; the
 * covariance over |L|, the variance over |L| + |U| − 1), and the variance formula above with λf in place of f; it is
 * never wider in expectation and is shown where it is narrower. Points and interval ends are clipped to [0, 1]. Both
 * are undefined with fewer than two rows in either set.
 *
 * @param classic    classic PPI
 * @param tuned      PPI++
 * @param lambda     the tuned weight of the judge's verdicts (0: the labelled rows alone; 1: classic PPI)
 * @param labelled   |L|: rows with a label, a parsed base answer and a parsed verdict
 * @param unlabelled |U|: rows without a label, with a parsed base answer and a parsed verdict (a row whose answer
 *                   names no label is in neither set, as base-vs-truth leaves it out)
 */
public record PredictionPowered(Estimate classic, Estimate tuned, double lambda, long labelled, long unlabelled) {

    /**
     * The estimates from the labelled rows' table (judge's verdict against the truth about the base answer) and the
     * judge's Correct verdicts on the unlabelled rows.
     */
    public static PredictionPowered of(AgreementTable labelledRows, long unlabelledCorrect, long unlabelled) {
        if (unlabelledCorrect < 0 || unlabelledCorrect > unlabelled) {
            throw new IllegalArgumentException("Bad count " + unlabelledCorrect + "/" + unlabelled);
        }
        long n = labelledRows.n();
        long total = n + unlabelled;
        if (n < 2 || unlabelled < 2) {
            return new PredictionPowered(Estimate.undefined(total), Estimate.undefined(total), 1, n, unlabelled);
        }
        double meanF = (double) (labelledRows.tp() + labelledRows.fp()) / n;
        double meanY = (double) (labelledRows.tp() + labelledRows.fn()) / n;
        double covariance = (double) labelledRows.tp() / n - meanY * meanF;
        long allCorrect = labelledRows.tp() + labelledRows.fp() + unlabelledCorrect;
        double varianceAll = bernoulliVariance(allCorrect, total);
        double lambda = varianceAll == 0
                ? 0 // the judge says the same everywhere: any weight gives the labelled mean
                : Math.max(0, Math.min(1, covariance / ((1 + (double) n / unlabelled) * varianceAll)));
        return new PredictionPowered(
                estimate(labelledRows, unlabelledCorrect, unlabelled, 1),
                estimate(labelledRows, unlabelledCorrect, unlabelled, lambda),
                lambda,
                n,
                unlabelled);
    }

    /** True when PPI++ has the narrower interval, so the workbench shows it beside classic PPI. */
    public boolean tunedIsNarrower() {
        return tuned.hasInterval()
                && classic.hasInterval()
                && tuned.ciHigh() - tuned.ciLow() < classic.ciHigh() - classic.ciLow();
    }

    /** θ_λ with its normal interval; classic PPI at λ = 1. */
    private static Estimate estimate(AgreementTable l, long unlabelledCorrect, long unlabelled, double lambda) {
        return estimate(l.tp(), l.fp(), l.fn(), l.tn(), unlabelledCorrect, unlabelled, lambda);
    }

    /**
     * θ_λ with its normal interval from the labelled rows' four cells and the unlabelled rows' Correct verdicts,
     * counts that may be fractional (those expected after more labels, {@link LabelPlan}); undefined with fewer than
     * two rows in either set.
     */
    static Estimate estimate(
            double tp, double fp, double fn, double tn, double unlabelledCorrect, double unlabelled, double lambda) {
        double n = tp + fp + fn + tn;
        if (n < 2 || unlabelled < 2) {
            return Estimate.undefined(Math.round(n + unlabelled));
        }
        double meanU = lambda * unlabelledCorrect / unlabelled;
        double varianceU = lambda * lambda * bernoulliVariance(unlabelledCorrect, unlabelled);
        double[] residual = residual(tp, fp, fn, tn, lambda);
        double theta = meanU + residual[0];
        double half = Wilson.Z95 * Math.sqrt(varianceU / unlabelled + residual[1] / n);
        return new Estimate(clip(theta), clip(theta - half), clip(theta + half), Math.round(n + unlabelled));
    }

    /**
     * Classic PPI's interval as expected once more rows are labelled: {@code labelled} rows in L, {@code unlabelled}
     * in U with {@code unlabelledCorrect} of them Correct, around the point {@code now} with the variance of y − f
     * that the table {@code now} was computed from has ({@link LabelPlan}). Undefined where {@code now} is, or with
     * fewer than two rows left in U.
     */
    static Estimate expected(
            Estimate now, AgreementTable table, double labelled, double unlabelledCorrect, double unlabelled) {
        if (!now.isDefined() || unlabelled < 2) {
            return Estimate.undefined(Math.round(labelled + unlabelled));
        }
        double varianceL = residual(table.tp(), table.fp(), table.fn(), table.tn(), 1)[1];
        double varianceU = bernoulliVariance(unlabelledCorrect, unlabelled);
        double half = Wilson.Z95 * Math.sqrt(varianceU / unlabelled + varianceL / labelled);
        return new Estimate(
                now.value(), clip(now.value() - half), clip(now.value() + half), Math.round(labelled + unlabelled));
    }

    /** The mean and sample variance (n − 1) of y − λf over the labelled rows. */
    private static double[] residual(double tp, double fp, double fn, double tn, double lambda) {
        double n = tp + fp + fn + tn;
        // y − λf on a labelled row: 1 − λ (judge Correct, base right), −λ (Correct, wrong), 1 (Incorrect, right), 0.
        double[] values = {1 - lambda, -lambda, 1, 0};
        double[] counts = {tp, fp, fn, tn};
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * counts[i];
        }
        double meanL = sum / n;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            squares += counts[i] * (values[i] - meanL) * (values[i] - meanL);
        }
        return new double[] {meanL, squares / (n - 1)};
    }

    /** The sample variance (n − 1) of {@code ones} ones among {@code n} values. */
    private static double bernoulliVariance(double ones, double n) {
        double p = ones / n;
        return n * p * (1 - p) / (n - 1);
    }

    private static double clip(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
