package io.arbiter.core.metrics;

import java.util.OptionalDouble;

/**
 * The judge as a classifier of base correctness: a 2×2 table of the judge's Correct/Incorrect against whether the
 * base answer is really right. Positive means "the base answer is right". Every statistic is empty when its
 * denominator is zero, never NaN.
 *
 * @param tp judge says Correct and the base answer is right
 * @param fp judge says Correct but the base answer is wrong
 * @param fn judge says Incorrect but the base answer is right
 * @param tn judge says Incorrect and the base answer is wrong
 */
public record AgreementTable(long tp, long fp, long fn, long tn) {

    public static final AgreementTable EMPTY = new AgreementTable(0, 0, 0, 0);

    public AgreementTable {
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("Negative count in " + tp + "/" + fp + "/" + fn + "/" + tn);
        }
    }

    /** The table with one more row: the judge's verdict and the truth about the base answer. */
    public AgreementTable plus(boolean judgeSaysCorrect, boolean baseIsRight) {
        if (judgeSaysCorrect) {
            return baseIsRight ? new AgreementTable(tp + 1, fp, fn, tn) : new AgreementTable(tp, fp + 1, fn, tn);
        }
        return baseIsRight ? new AgreementTable(tp, fp, fn + 1, tn) : new AgreementTable(tp, fp, fn, tn + 1);
    }

    public long n() {
        return tp + fp + fn + tn;
    }

    /** Rows whose base answer is right: tp + fn. */
    public long right() {
        return tp + fn;
    }

    /** Rows whose base answer is wrong: fp + tn. */
    public long wrong() {
        return fp + tn;
    }

    /** Rows the judge calls Correct: tp + fp. */
    public long judgedCorrect() {
        return tp + fp;
    }

    /** Rows the judge calls Incorrect: fn + tn. */
    public long judgedIncorrect() {
        return fn + tn;
    }

    /** Observed agreement (tp + tn) / n. */
    public OptionalDouble agreement() {
        return ratio(tp + tn, n());
    }

    /** Share of right answers the judge accepts: tp / (tp + fn). */
    public OptionalDouble sensitivity() {
        return ratio(tp, right());
    }

    /** Share of wrong answers the judge rejects: tn / (fp + tn). */
    public OptionalDouble specificity() {
        return ratio(tn, wrong());
    }

    /** Share of the judge's Corrects that are right: tp / (tp + fp). */
    public OptionalDouble precision() {
        return ratio(tp, judgedCorrect());
    }

    /** (sensitivity + specificity) / 2; needs both right and wrong answers. */
    public OptionalDouble balancedAccuracy() {
        OptionalDouble se = sensitivity();
        OptionalDouble sp = specificity();
        return se.isPresent() && sp.isPresent()
                ? OptionalDouble.of((se.getAsDouble() + sp.getAsDouble()) / 2)
                : OptionalDouble.empty();
    }

    /**
     * Cohen's kappa (po − pe) / (1 − pe), with pe from the product of the two raters' marginals; empty when
     * pe = 1 (both raters always give the same single answer).
     */
    public OptionalDouble kappa() {
        long n = n();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double nn = (double) n * n;
        double pe = ((double) judgedCorrect() * right() + (double) judgedIncorrect() * wrong()) / nn;
        return chanceCorrected((double) (tp + tn) / n, pe);
    }

    /**
     * Gwet's AC1 for two raters and two categories (Gwet 2008): pe = 2π(1 − π), π the mean of the two raters'
     * positive rates. pe ≤ 0.5, so AC1 is defined whenever there is a row.
     */
    public OptionalDouble ac1() {
        long n = n();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double pi = ((double) judgedCorrect() / n + (double) right() / n) / 2;
        return chanceCorrected((double) (tp + tn) / n, 2 * pi * (1 - pi));
    }

    /** Matthews correlation (tp·tn − fp·fn) / √(product of the four marginals); empty when a marginal is zero. */
    public OptionalDouble mcc() {
        double product = (double) judgedCorrect() * judgedIncorrect() * right() * wrong();
        if (product == 0) {
            return OptionalDouble.empty();
        }
        double mcc = ((double) tp * tn - (double) fp * fn) / Math.sqrt(product);
        return OptionalDouble.of(Math.max(-1, Math.min(1, mcc)));
    }

    private static OptionalDouble chanceCorrected(double po, double pe) {
        // pe within rounding of 1 means both raters are constant: agreement beyond chance is undefined.
        if (1 - pe < 1e-12) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((po - pe) / (1 - pe));
    }

    private static OptionalDouble ratio(long hits, long n) {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / n);
    }
}
