package io.arbiter.bench;

import io.arbiter.core.metrics.ScoreFigures;
import io.arbiter.core.metrics.ScorePair;
import io.arbiter.core.verdict.ScoreScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long the score figures take (with their bootstrap resamples) for 1,000 and 50,000 rows on the scales
 * 1-5 and 0-10: the resamples draw the confusion's cells, not rows, so the time should not grow with the rows. Not a
 * test; see docs/PERFORMANCE.md.
 */
public final class ScoreFiguresBenchmark {

    private ScoreFiguresBenchmark() {}

    public static void main(String[] args) {
        for (ScoreScale scale : List.of(new ScoreScale(1, 5), new ScoreScale(0, 10))) {
            for (int n : new int[] {1_000, 50_000}) {
                List<ScorePair> pairs = pairs(scale, n);
                ScoreFigures.of(pairs, scale); // warm up
                long best = Long.MAX_VALUE;
                for (int round = 0; round < 5; round++) {
                    long start = System.nanoTime();
                    ScoreFigures.of(pairs, scale);
                    best = Math.min(best, System.nanoTime() - start);
                }
                System.out.printf(Locale.ROOT, "scale %s, %,d rows: best of 5 %.0f ms%n", scale, n, best / 1e6);
            }
        }
    }

    /** People's scores spread evenly; the judge's within one of them, as a fair judge's mostly are. */
    private static List<ScorePair> pairs(ScoreScale scale, int n) {
        SplittableRandom random = new SplittableRandom(7);
        List<ScorePair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int human = scale.low() + random.nextInt(scale.high() - scale.low() + 1);
            int judge = Math.max(scale.low(), Math.min(scale.high(), human + random.nextInt(3) - 1));
            pairs.add(new ScorePair(judge, human));
        }
        return pairs;
    }
}
