package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Percentile bootstrap over rows with a fixed seed, so the same table always gives the same interval. Each
 * resample draws n rows with replacement; a statistic that is undefined on a resample (a zero denominator) is left
 * out and counted ({@link Resampling#undefined()}), and with fewer than half the resamples defined no interval is
 * given. Below {@value #MIN_ROWS} rows no interval is given either ("too few rows"), nor when every resample gives
 * the same value: docs/STATISTICS.md, "Intervals at the edges", says why. (Past 300 lines: the resampling and the
 * rules that decide whether its interval is shown belong in one place, so no figure applies them differently.)
 */
public final class Bootstrap {

    public static final long SEED = 20261122L;

    /**
     * Enough that the Monte-Carlo error of an interval's end, about 0.027 of the figure's standard error, stays
     * under 0.005 (half the last shown digit) from {@value #MIN_ROWS} rows up; 2,000 left ±0.01.
     */
    public static final int RESAMPLES = 10_000;

    /**
     * Fewest rows for a percentile interval: below it, simulated coverage of κ fell to 0.38–0.90 (nominal 0.95),
     * from 30 it held at 0.93–1.00 once zero-width intervals are dropped (src/test/resources/io/arbiter/core/
     * metrics/bootstrap_coverage.py).
     */
    public static final long MIN_ROWS = 30;

    private static final Bootstrap STANDARD = new Bootstrap(SEED, RESAMPLES);
    /** Streams of the same seed for different inputs, so adding one input never shifts another's draws. */
    private static final long TABLE_STREAM = 0;

    private static final long HITS_STREAM = 1;

    private static final long CELLS_STREAM = 2;

    /**
     * Up to this many rows a resample draws row by row, exactly as the definition says; above it the counts are drawn
     * from their binomial distribution directly.
     */
    static final long ROW_BY_ROW_LIMIT = 5_000;

    private final long seed;
    private final int resamples;

    public Bootstrap(long seed, int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive, not " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    /** Seed {@value #SEED}, {@value #RESAMPLES} resamples. */
    public static Bootstrap standard() {
        return STANDARD;
    }

    public int resamples() {
        return resamples;
    }

    /** Resamples of the table's rows, each with the table's n; the same list every time for the same table. */
    public List<AgreementTable> resample(AgreementTable table) {
        SplittableRandom random = random(TABLE_STREAM);
        long n = table.n();
        long tpUpTo = table.tp();
        long fpUpTo = tpUpTo + table.fp();
        long fnUpTo = fpUpTo + table.fn();
        List<AgreementTable> tables = new ArrayList<>(resamples);
        if (n > ROW_BY_ROW_LIMIT) {
            // Drawing the four counts directly (a multinomial as three conditional binomials) gives the same
            // distribution as drawing n rows, in time independent of n: a million rows would otherwise take minutes.
            for (int r = 0; r < resamples; r++) {
                long tp = binomial(random, n, (double) table.tp() / n);
                long left = n - tp;
                long restFp = table.fp() + table.fn() + table.tn();
                long fp = restFp == 0 ? 0 : binomial(random, left, (double) table.fp() / restFp);
                left -= fp;
                long restFn = table.fn() + table.tn();
                long fn = restFn == 0 ? 0 : binomial(random, left, (double) table.fn() / restFn);
                tables.add(new AgreementTable(tp, fp, fn, left - fn));
            }
            return tables;
        }
        for (int r = 0; r < resamples; r++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (long i = 0; i < n; i++) {
                long row = random.nextLong(n);
                if (row < tpUpTo) {
                    tp++;
                } else if (row < fpUpTo) {
                    fp++;
                } else if (row < fnUpTo) {
                    fn++;
                }
            }
            tables.add(new AgreementTable(tp, fp, fn, n - tp - fp - fn));
        }
        return tables;
    }

    /** Hits in each resample of n rows of which {@code hits} are hits. */
    public long[] resampleHits(long hits, long n) {
        SplittableRandom random = random(HITS_STREAM);
        long[] resampled = new long[resamples];
        if (n > ROW_BY_ROW_LIMIT) {
            for (int r = 0; r < resamples; r++) {
                resampled[r] = binomial(random, n, (double) hits / n);
            }
            return resampled;
        }
        for (int r = 0; r < resamples; r++) {
            long count = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextLong(n) < hits) {
                    count++;
                }
            }
            resampled[r] = count;
        }
        return resampled;
    }

    /**
     * Resamples of rows counted in cells (any table: a score confusion flattened, say), each drawing the table's n rows
     * with replacement and counting them back into the same cells; the same arrays every time for the same counts.
     * Above {@link #ROW_BY_ROW_LIMIT} rows the counts are drawn from their multinomial directly, as conditional
     * binomials cell by cell.
     */
    public long[][] resampleCells(long[] cells) {
        SplittableRandom random = random(CELLS_STREAM);
        long n = 0;
        for (int k = 0; k < cells.length; k++) {
            if (cells[k] < 0) {
                throw new IllegalArgumentException("Negative count " + cells[k] + " in cell " + k);
            }
            n += cells[k];
        }
        long[][] resampled = new long[resamples][cells.length];
        if (n > ROW_BY_ROW_LIMIT) {
            for (long[] counts : resampled) {
                long left = n;
                long rest = n; // rows of the original in this cell and the ones after it
                for (int k = 0; k < cells.length && left > 0; k++) {
                    counts[k] = binomial(random, left, (double) cells[k] / rest);
                    left -= counts[k];
                    rest -= cells[k];
                }
            }
            return resampled;
        }
        int[] cellOfRow = new int[(int) n]; // the rows in order, each naming its cell
        for (int k = 0, row = 0; k < cells.length; k++) {
            for (long i = 0; i < cells[k]; i++) {
                cellOfRow[row++] = k;
            }
        }
        for (long[] counts : resampled) {
            for (int i = 0; i < n; i++) {
                counts[cellOfRow[random.nextInt((int) n)]]++;
            }
        }
        return resampled;
    }

    /** Resamples of the confusion's rows, each with its n; the same list every time for the same confusion. */
    public List<ScoreConfusion> resample(ScoreConfusion confusion) {
        int levels = confusion.levels();
        long[] cells =
                Arrays.stream(confusion.counts()).flatMapToLong(Arrays::stream).toArray();
        List<ScoreConfusion> confusions = new ArrayList<>(resamples);
        for (long[] counts : resampleCells(cells)) {
            long[][] table = new long[levels][];
            for (int h = 0; h < levels; h++) {
                table[h] = Arrays.copyOfRange(counts, h * levels, (h + 1) * levels);
            }
            confusions.add(new ScoreConfusion(confusion.scale(), table));
        }
        return confusions;
    }

    /** A statistic of the confusion with its percentile interval over resamples already drawn from it. */
    public static Estimate estimate(
            ScoreConfusion confusion,
            List<ScoreConfusion> resamples,
            Function<ScoreConfusion, OptionalDouble> statistic) {
        return estimate(statistic.apply(confusion), confusion.n(), resamples, statistic);
    }

    /** A statistic of the table with its percentile interval over the table's resamples. */
    public Estimate estimate(AgreementTable table, Function<AgreementTable, OptionalDouble> statistic) {
        return estimate(table, resample(table), statistic);
    }

    /** As {@link #estimate(AgreementTable, Function)} with resamples already drawn (to share them between statistics). */
    public static Estimate estimate(
            AgreementTable table, List<AgreementTable> resamples, Function<AgreementTable, OptionalDouble> statistic) {
        return estimate(statistic.apply(table), table.n(), resamples, statistic);
    }

    private static <T> Estimate estimate(
            OptionalDouble point, long n, List<T> resamples, Function<T, OptionalDouble> statistic) {
        double[] replicates = new double[resamples.size()];
        for (int r = 0; r < replicates.length; r++) {
            replicates[r] = statistic.apply(resamples.get(r)).orElse(Double.NaN);
        }
        return percentile(point, n, replicates);
    }

    /**
     * The point with the 2.5th and 97.5th percentiles of the defined replicates (NaN marks an undefined one),
     * interpolated between order statistics (Hyndman and Fan type 7, as R and NumPy do by default), with how many
     * were undefined and the Monte-Carlo error of the ends. No interval below {@value #MIN_ROWS} rows, with fewer
     * than half the replicates defined, or when the defined ones do not spread.
     */
    public static Estimate percentile(OptionalDouble point, long n, double[] replicates) {
        if (point.isEmpty()) {
            return Estimate.undefined(n);
        }
        double[] defined =
                Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int undefined = replicates.length - defined.length;
        if (n < MIN_ROWS) {
            return Estimate.withoutInterval(
                    point.getAsDouble(),
                    n,
                    new Resampling(replicates.length, undefined, Double.NaN),
                    Estimate.TOO_FEW_ROWS);
        }
        if (defined.length == 0 || defined.length * 2 < replicates.length) {
            return Estimate.withoutInterval(
                    point.getAsDouble(),
                    n,
                    new Resampling(replicates.length, undefined, Double.NaN),
                    Estimate.MOSTLY_UNDEFINED);
        }
        double error = Math.max(monteCarloError(defined, 0.025), monteCarloError(defined, 0.975));
        return new Estimate(
                point.getAsDouble(),
                quantile(defined, 0.025),
                quantile(defined, 0.975),
                n,
                new Resampling(replicates.length, undefined, error),
                "");
    }

    /**
     * The Monte-Carlo standard error of the q-quantile of B sorted replicates, distribution-free: the order
     * statistics B·q ± 1.96·√(B·q(1 − q)) bound the quantile with 95% confidence (the binomial count of replicates
     * below it), so half their distance over 1.96 is its standard error.
     */
    static double monteCarloError(double[] sorted, double q) {
        int b = sorted.length;
        double reach = Wilson.Z95 * Math.sqrt(b * q * (1 - q));
        int below = (int) Math.max(0, Math.floor(b * q - reach));
        int above = (int) Math.min(b - 1, Math.ceil(b * q + reach));
        return (sorted[above] - sorted[below]) / (2 * Wilson.Z95);
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    private SplittableRandom random(long stream) {
        return new SplittableRandom(seed + stream * 0x9E3779B97F4A7C15L);
    }

    /**
     * A draw from Binomial(n, p): by the waiting-time method when few successes or failures are expected (exact), and
     * by the normal approximation with continuity correction when n·p·(1−p) ≥ 50, where its error is far below
     * what a percentile interval can show.
     */
    static long binomial(SplittableRandom random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(random, n, 1 - p);
        }
        double variance = n * p * (1 - p);
        if (variance >= 50) {
            double draw = Math.rint(n * p + Math.sqrt(variance) * random.nextGaussian(0, 1));
            return (long) Math.max(0, Math.min(n, draw));
        }
        // Count successes as geometric gaps between them: about n·p draws.
        double logFailure = Math.log1p(-p);
        long successes = 0;
        long position = 0;
        while (true) {
            double u = 1 - random.nextDouble(); // in (0, 1]
            position += (long) Math.floor(Math.log(u) / logFailure) + 1;
            if (position > n) {
                return successes;
            }
            successes++;
        }
    }
}
