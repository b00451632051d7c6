package io.arbiter.core.metrics;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The best and worst base accuracy and judge vs truth could be, counting the rows with truth whose answer names no
 * label (unparsed, or a label outside the list: base answers and judge predictions alike) as all right or all wrong.
 * The accuracies leave those rows out; the bounds show how far that could move them (docs/STATISTICS.md).
 *
 * @param baseVsTruth  base answers with truth that name a label, and the right ones among them
 * @param baseNoLabel  base answers with truth that name no label
 * @param judgeVsTruth judge predictions with truth that name a label, and the right ones among them
 * @param judgeNoLabel judge outputs with truth that name no label (unparsed, or a prediction off the list)
 */
public record AccuracyBounds(Proportion baseVsTruth, long baseNoLabel, Proportion judgeVsTruth, long judgeNoLabel) {

    public AccuracyBounds {
        if (baseNoLabel < 0 || judgeNoLabel < 0) {
            throw new IllegalArgumentException("Negative count " + baseNoLabel + "/" + judgeNoLabel);
        }
    }

    /** Counts the rows: those with truth and an answer from the stage, by whether the answer names a label. */
    public static AccuracyBounds of(List<ScoredRow> rows) {
        long baseHits = 0;
        long baseN = 0;
        long baseNoLabel = 0;
        long judgeHits = 0;
        long judgeN = 0;
        long judgeNoLabel = 0;
        for (ScoredRow row : rows) {
            if (row.truth().isEmpty()) {
                continue;
            }
            if (row.base() != null) {
                TruthMatch match = TruthMatch.ofBase(row.truth(), row.base());
                if (match.scored()) {
                    baseN++;
                    baseHits += match == TruthMatch.RIGHT ? 1 : 0;
                } else {
                    baseNoLabel++;
                }
            }
            if (row.judge() != null) {
                TruthMatch match = TruthMatch.ofJudge(row.truth(), row.judge());
                if (match.scored()) {
                    judgeN++;
                    judgeHits += match == TruthMatch.RIGHT ? 1 : 0;
                } else {
                    judgeNoLabel++;
                }
            }
        }
        return new AccuracyBounds(
                new Proportion(baseHits, baseN), baseNoLabel, new Proportion(judgeHits, judgeN), judgeNoLabel);
    }

    /** Base accuracy if every base answer that names no label were right: (hits + u) / (n + u). */
    public OptionalDouble baseBest() {
        return best(baseVsTruth, baseNoLabel);
    }

    /** Base accuracy if every base answer that names no label were wrong: hits / (n + u). */
    public OptionalDouble baseWorst() {
        return worst(baseVsTruth, baseNoLabel);
    }

    /** Judge vs truth if every judge output that names no label were right. */
    public OptionalDouble judgeBest() {
        return best(judgeVsTruth, judgeNoLabel);
    }

    /** Judge vs truth if every judge output that names no label were wrong. */
    public OptionalDouble judgeWorst() {
        return worst(judgeVsTruth, judgeNoLabel);
    }

    /** "0.50 to 0.70" or "n/a": a pair of bounds as the CLI and the workbench print them. */
    public static String range(OptionalDouble worst, OptionalDouble best) {
        return worst.isPresent() && best.isPresent()
                ? String.format(Locale.ROOT, "%.2f to %.2f", worst.getAsDouble(), best.getAsDouble())
                : "n/a";
    }

    /**
     * "Counting the 3 base answers and 1 judge prediction that name no label as all wrong or all right: base accuracy
     * 0.50 to 0.70, judge vs truth 0.40 to 0.60." Empty when every answer names a label (the bounds are the points).
     */
    public String sentence() {
        if (baseNoLabel == 0 && judgeNoLabel == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "Counting the %d base answer%s and %d judge prediction%s that name no label as all wrong or all right:"
                        + " base accuracy %s, judge vs truth %s.",
                baseNoLabel,
                baseNoLabel == 1 ? "" : "s",
                judgeNoLabel,
                judgeNoLabel == 1 ? "" : "s",
                range(baseWorst(), baseBest()),
                range(judgeWorst(), judgeBest()));
    }

    private static OptionalDouble best(Proportion p, long noLabel) {
        return new Proportion(p.hits() + noLabel, p.n() + noLabel).rate();
    }

    private static OptionalDouble worst(Proportion p, long noLabel) {
        return new Proportion(p.hits(), p.n() + noLabel).rate();
    }
}
