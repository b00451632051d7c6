package io.arbiter.core.metrics;

import io.arbiter.core.verdict.ScoreScale;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Everything about a scoring judge against human scores, each with n and a 95% interval; the definitions, in words,
 * are in docs/SCORES.md. Proportions take Wilson intervals; means t intervals; the chance-corrected and rank
 * figures and the mean absolute error a percentile bootstrap over the pairs (one set of resamples shared by all of
 * them), which needs no normality, handles the heavy ties of a short scale and keeps each interval inside the
 * figure's range. With no pair every figure is undefined.
 *
 * @param n                       pairs counted
 * @param exactAgreement          share of pairs with judge = human; Wilson interval
 * @param withinOne               share of pairs with |judge − human| ≤ 1; Wilson interval
 * @param weightedKappaLinear     Cohen's weighted kappa with linear weights over the scale's full range; bootstrap
 * @param weightedKappaQuadratic  the same with quadratic weights; bootstrap
 * @param spearman                Spearman's ρ on mid-ranks (ties allowed); bootstrap (not Fisher's z with
 *                                Fieller's variance 1.06/(n − 3), derived for untied data)
 * @param kendallTauB             Kendall's τ-b (ties allowed); bootstrap
 * @param mae                     mean |judge − human|; bootstrap (a t interval would reach below 0 when most
 *                                pairs agree)
 * @param meanJudge               mean judge score; t interval
 * @param meanHuman               mean human score; t interval
 * @param meanDifference          mean judge − human, negative when the judge is harsher; paired t interval
 * @param confusion               counts of pairs by human level and judge level over the whole scale
 * @param biasByHumanLevel        for each human level with pairs, lowest first: mean judge − human with its t interval
 */
public record ScoreFigures(
        long n,
        Estimate exactAgreement,
        Estimate withinOne,
        Estimate weightedKappaLinear,
        Estimate weightedKappaQuadratic,
        Estimate spearman,
        Estimate kendallTauB,
        Estimate mae,
        Estimate meanJudge,
        Estimate meanHuman,
        Estimate meanDifference,
        ScoreConfusion confusion,
        List<LevelBias> biasByHumanLevel) {

    public ScoreFigures {
        biasByHumanLevel = List.copyOf(biasByHumanLevel);
    }

    /**
     * The figures with the standard bootstrap ({@link Bootstrap#standard()}).
     *
     * @throws IllegalArgumentException naming the first score outside the scale
     */
    public static ScoreFigures of(List<ScorePair> pairs, ScoreScale scale) {
        return of(pairs, scale, Bootstrap.standard());
    }

    /**
     * The figures with the given bootstrap for the intervals that need one.
     *
     * @throws IllegalArgumentException naming the first score outside the scale
     */
    public static ScoreFigures of(List<ScorePair> pairs, ScoreScale scale, Bootstrap bootstrap) {
        ScoreConfusion confusion = ScoreConfusion.of(pairs, scale);
        long n = confusion.n();
        // Resampling nothing gives nothing; every figure of no pair is undefined anyway.
        List<ScoreConfusion> resamples = n == 0 ? List.of() : bootstrap.resample(confusion);
        Function<Function<ScoreConfusion, OptionalDouble>, Estimate> bootstrapped =
                statistic -> Bootstrap.estimate(confusion, resamples, statistic);
        double[] levels = new double[confusion.levels()];
        for (int level = 0; level < levels.length; level++) {
            levels[level] = scale.low() + level;
        }
        return new ScoreFigures(
                n,
                Wilson.interval(confusion.within(0), n),
                Wilson.interval(confusion.within(1), n),
                bootstrapped.apply(c -> c.weightedKappa(KappaWeights.LINEAR)),
                bootstrapped.apply(c -> c.weightedKappa(KappaWeights.QUADRATIC)),
                bootstrapped.apply(ScoreConfusion::spearman),
                bootstrapped.apply(ScoreConfusion::kendallTauB),
                bootstrapped.apply(ScoreConfusion::meanAbsoluteError),
                StudentT.meanInterval(levels, confusion.judgeTotals()),
                StudentT.meanInterval(levels, confusion.humanTotals()),
                meanDifference(confusion),
                confusion,
                biasByHumanLevel(confusion));
    }

    /** The paired t interval: a t interval on the differences judge − human, one per pair. */
    private static Estimate meanDifference(ScoreConfusion confusion) {
        long[][] counts = confusion.counts();
        int levels = counts.length;
        // Differences run from −(levels − 1) to levels − 1: tally each over the cells that give it.
        double[] differences = new double[2 * levels - 1];
        long[] tally = new long[differences.length];
        for (int d = 0; d < differences.length; d++) {
            differences[d] = d - (levels - 1);
        }
        for (int h = 0; h < levels; h++) {
            for (int j = 0; j < levels; j++) {
                tally[j - h + levels - 1] += counts[h][j];
            }
        }
        return StudentT.meanInterval(differences, tally);
    }

    private static List<LevelBias> biasByHumanLevel(ScoreConfusion confusion) {
        long[][] counts = confusion.counts();
        List<LevelBias> biases = new ArrayList<>();
        for (int h = 0; h < counts.length; h++) {
            double[] differences = new double[counts.length];
            for (int j = 0; j < counts.length; j++) {
                differences[j] = j - h;
            }
            Estimate bias = StudentT.meanInterval(differences, counts[h]);
            if (bias.n() > 0) {
                biases.add(new LevelBias(confusion.scale().low() + h, bias));
            }
        }
        return List.copyOf(biases);
    }
}
