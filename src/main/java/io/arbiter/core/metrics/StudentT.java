package io.arbiter.core.metrics;

/**
 * Student's t distribution, for the 95% interval of a mean from few rows, where the normal 1.96 is too narrow (with
 * 5 rows the quantile is 2.78). The distribution function goes through the regularised incomplete beta function,
 * P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t²), and the quantile inverts it by bisection, accurate far
 * beyond the 1e-4 a printed interval needs, for any df ≥ 1.
 */
public final class StudentT {

    private StudentT() {}

    /**
     * The mean of values each occurring {@code counts[k]} times, with its 95% t interval mean ± t(0.975, n − 1)·s/√n,
     * s the sample standard deviation (divisor n − 1). Undefined with no value; the point alone with one value.
     */
    public static Estimate meanInterval(double[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values but " + counts.length + " counts");
        }
        long n = 0;
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            if (counts[k] < 0) {
                throw new IllegalArgumentException("Negative count " + counts[k]);
            }
            n += counts[k];
            sum += values[k] * counts[k];
        }
        if (n == 0) {
            return Estimate.undefined(0);
        }
        double mean = sum / n;
        if (n == 1) {
            return Estimate.pointOnly(mean, 1);
        }
        // Squares about the mean (two passes), so large means do not cancel the spread away.
        double squares = 0;
        for (int k = 0; k < values.length; k++) {
            double deviation = values[k] - mean;
            squares += deviation * deviation * counts[k];
        }
        double half = quantile(0.975, n - 1) * Math.sqrt(squares / (n - 1) / n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /** P(T ≤ t) for df degrees of freedom. */
    public static double cdf(double t, double df) {
        requireDf(df);
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t is NaN");
        }
        double tail = upperTail(Math.abs(t), df);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The t with P(T ≤ t) = p for df degrees of freedom, 0 < p < 1. */
    public static double quantile(double p, double df) {
        requireDf(df);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("A quantile needs 0 < p < 1, not " + p);
        }
        if (p < 0.5) {
            return -quantile(1 - p, df);
        }
        if (p == 0.5) {
            return 0;
        }
        double tail = 2 * (1 - p); // I_x(df/2, 1/2) at the wanted x
        // I_x rises with x, and t = √(df(1 − x)/x) falls with it: bisect x in (0, 1).
        double low = 0;
        double high = 1;
        for (int i = 0; i < 200 && high - low > 1e-17; i++) {
            double middle = (low + high) / 2;
            if (IncompleteBeta.regularised(middle, df / 2, 0.5) < tail) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double x = (low + high) / 2;
        return Math.sqrt(df * (1 - x) / x);
    }

    /** P(T > t) for t ≥ 0. */
    private static double upperTail(double t, double df) {
        return IncompleteBeta.regularised(df / (df + t * t), df / 2, 0.5) / 2;
    }

    private static void requireDf(double df) {
        if (!(df >= 1) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("Degrees of freedom must be a finite number from 1, not " + df);
        }
    }

    /** The regularised incomplete beta function I_x(a, b) (Numerical Recipes 6.4: Lentz's continued fraction). */
    private static final class IncompleteBeta {

        private static final double EPSILON = 1e-16;
        private static final double TINY = 1e-300;

        static double regularised(double x, double a, double b) {
            if (x <= 0) {
                return 0;
            }
            if (x >= 1) {
                return 1;
            }
            double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
            // The fraction converges fast below the mean (a + 1)/(a + b + 2); above it, use the symmetry.
            if (x < (a + 1) / (a + b + 2)) {
                return front * fraction(x, a, b) / a;
            }
            return 1 - front * fraction(1 - x, b, a) / b;
        }

        private static double fraction(double x, double a, double b) {
            double c = 1;
            double d = nonZero(1 - (a + b) * x / (a + 1));
            d = 1 / d;
            double h = d;
            for (int m = 1; m < 100_000; m++) {
                int m2 = 2 * m;
                double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
                d = 1 / nonZero(1 + even * d);
                c = nonZero(1 + even / c);
                h *= d * c;
                double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
                d = 1 / nonZero(1 + odd * d);
                c = nonZero(1 + odd / c);
                double delta = d * c;
                h *= delta;
                if (Math.abs(delta - 1) < EPSILON) {
                    break;
                }
            }
            return h;
        }

        private static double nonZero(double value) {
            return Math.abs(value) < TINY ? TINY : value;
        }

        private static final double[] LANCZOS = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };

        /** ln Γ(z) for z > 0 by the Lanczos approximation (g = 7, nine terms), good to about 15 digits. */
        static double logGamma(double z) {
            if (z < 0.5) {
                // Reflection: Γ(z)Γ(1 − z) = π / sin(πz).
                return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
            }
            double shifted = z - 1;
            double sum = LANCZOS[0];
            for (int i = 1; i < LANCZOS.length; i++) {
                sum += LANCZOS[i] / (shifted + i);
            }
            double t = shifted + 7.5;
            return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
        }
    }
}
