package io.arbiter.ui.compare;

import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.metrics.ScoreComparison;
import io.arbiter.core.metrics.WilcoxonSignedRank;
import io.arbiter.core.project.JudgeChange;
import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.project.RunPair;
import io.arbiter.core.prompt.PromptDiff;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.store.PromptVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two runs' comparison laid out for the Compare screen as plain values, off the FX thread: the prompt diffs, what
 * else changed, the metric deltas, McNemar's test in words and the flipped rows.
 *
 * @param judgeDiff   A's judge prompt turned into B's; null when a run was saved without its prompts
 * @param baseDiff    likewise for the base prompt
 * @param settings    what changed besides the prompts (models, parameters, dataset), or that nothing did
 * @param scores      for two scoring runs, whose judge sits closer to the human scores and whether that is chance;
 *                    empty otherwise
 * @param flippedRows the rows of {@code flips}, for showing them in the results
 * @param message     which run is A and which B, and whether either has not finished
 */
public record ComparisonText(
        RunPair compared,
        List<DeltaLine> deltas,
        PromptDiff judgeDiff,
        PromptDiff baseDiff,
        String settings,
        String mcnemar,
        String scores,
        List<FlipLine> flips,
        Set<Integer> flippedRows,
        String flipsSummary,
        String message) {

    /** Lays out {@code compared}; linear in its prompts and rows. */
    public static ComparisonText of(RunPair compared) {
        PairedFigures comparison = compared.comparison();
        PromptVersion a = compared.promptsA();
        PromptVersion b = compared.promptsB();
        List<String> changes = new ArrayList<>(compared.settingChanges());
        if (a == null || b == null) {
            changes.add(
                    0,
                    (a == null ? compared.a() : compared.b()).displayName()
                            + " was saved without its prompts (an older project format)");
        }
        List<FlipLine> flips = FlipLine.of(compared);
        Set<Integer> flippedRows = new LinkedHashSet<>();
        comparison.flips().forEach(f -> flippedRows.add(f.row()));
        if (comparison.pairs() != null) { // two pairwise runs: the rows whose outcome moved
            comparison.pairs().changes().forEach(c -> flippedRows.add(c.row()));
        }
        String unfinished = Stream.of(compared.a(), compared.b())
                .filter(run -> run.record().metricsJson() == null)
                .map(RunListing::displayName)
                .distinct()
                .collect(Collectors.joining(" and "));
        String message = compared.a().displayName() + " (A) → " + compared.b().displayName() + " (B)"
                + (unfinished.isEmpty() ? "" : " · " + unfinished + " has not finished: compared on the rows so far");
        return new ComparisonText(
                compared,
                comparison.deltas().stream().map(DeltaLine::of).toList(),
                a == null || b == null ? null : PromptDiff.of(a.judgeText(), b.judgeText()),
                a == null || b == null ? null : PromptDiff.of(a.baseText(), b.baseText()),
                changes.isEmpty() ? "Same models, parameters and dataset." : String.join(" · ", changes),
                comparison.pairs() != null
                        ? PairChangeText.of(comparison.pairs())
                        : comparison.gradedApart()
                                ? PairChangeText.GRADED_APART
                                : mcnemarText(comparison) + heldOutWarning(compared),
                comparison.scores() != null ? scoresText(comparison.scores()) : scalesApart(compared),
                flips,
                Collections.unmodifiableSet(flippedRows),
                comparison.pairs() != null || comparison.gradedApart() ? "" : flipsSummary(flips),
                message);
    }

    /** The held-out warning on a line of its own after the test, or nothing (docs/STATISTICS.md, "Held-out rows"). */
    private static String heldOutWarning(RunPair compared) {
        return compared.heldOut() == null
                ? ""
                : compared.heldOut().warning().map(w -> "\n" + w).orElse("");
    }

    /** How the flipped rows are described when they are shown in the results. */
    public String flipDescription() {
        String moved = compared.comparison().pairs() != null ? "outcome changed" : "verdict flipped";
        return "rows whose " + moved + " from " + compared.a().displayName() + " to "
                + compared.b().displayName();
    }

    /** McNemar's test on the rows both runs judged, with the counts, the statistic and what it means. */
    /** Why two scoring runs get no score comparison: scores on two scales are not distances on one. */
    private static String scalesApart(RunPair compared) {
        if (compared.schemeA() instanceof ScoreScheme a
                && compared.schemeB() instanceof ScoreScheme b
                && !a.scale().equals(b.scale())) {
            return "The runs score on different scales (" + a.scale() + " and " + b.scale()
                    + "), so their scores are not compared with people's; the pass/fail figures above still are.";
        }
        return "";
    }

    /**
     * Whether B's judge is right more often (McNemar on right/wrong, the paired changes), then the verdict flips as a
     * descriptive line: a stricter judge flips verdicts without being more accurate.
     */
    static String mcnemarText(PairedFigures comparison) {
        JudgeChange change = comparison.judgeChange();
        String flips = flipsText(comparison);
        return change == null ? flips : rightnessText(change) + "\nVerdict flips, descriptive only: " + flips;
    }

    static String rightnessText(JudgeChange change) {
        McNemar test = change.mcnemar();
        String reading = test.p() >= 0.05
                ? "no evidence that either judge is more accurate"
                : test.c() > test.b()
                        ? "B's judge is right more often, beyond chance"
                        : "B's judge is wrong more often, beyond chance";
        return String.format(
                Locale.ROOT,
                "Is B's judge more accurate? On the %,d rows both judges can be checked against the truth about the"
                        + " base answer: %d went right → wrong, %d wrong → right (McNemar, %s, p = %.3f): %s."
                        + " B − A, paired bootstrap: judge vs truth %s · κ %s · sensitivity %s · specificity %s.",
                change.kappa().n(),
                test.b(),
                test.c(),
                test.exact() ? "exact" : "χ²",
                test.p(),
                reading,
                change.judgeVsTruth().format(),
                change.kappa().format(),
                change.sensitivity().format(),
                change.specificity().format());
    }

    private static String flipsText(PairedFigures comparison) {
        McNemar test = comparison.mcnemar();
        boolean scores = comparison.scores() != null; // a scoring run's verdict is its pass or fail
        String counts = String.format(
                Locale.ROOT,
                scores
                        ? "McNemar's test on the %,d rows both runs scored: %d went pass → fail, %d fail → pass"
                        : "McNemar's test on the %,d rows both runs judged: %d went Correct → "
                                + "Incorrect, %d Incorrect → Correct",
                comparison.pairedRows(),
                test.b(),
                test.c());
        if (test.b() + test.c() == 0) {
            return counts + (scores ? "; no pass or fail changed." : "; no verdict changed.");
        }
        String reading = test.p() < 0.05
                ? "the judge's verdicts changed more than chance would explain."
                : "a change this size could be chance.";
        return counts + " (" + how(test) + "): " + reading;
    }

    /**
     * Whose judge sits closer to the human scores: the mean absolute errors, Wilcoxon's signed-rank test on the
     * per-row differences of absolute errors, and McNemar's test on agreeing with the human's pass or fail.
     */
    static String scoresText(ScoreComparison scores) {
        if (scores.pairs() == 0) {
            return "No row was scored by both runs and by a human, so the scores cannot be compared with people's.";
        }
        WilcoxonSignedRank w = scores.wilcoxon();
        double difference = scores.meanDifference().orElse(0);
        String closer = difference == 0
                ? "both judges sit as close to people on average"
                : String.format(
                        Locale.ROOT, "%s's judge is closer by %.2f", difference > 0 ? "B" : "A", Math.abs(difference));
        String test = w.n() == 0
                ? "every row is as close in both runs"
                : String.format(
                        Locale.ROOT,
                        "Wilcoxon signed-rank W = %.1f, z = %.2f, %s over the %,d rows where they differ: %s",
                        w.w(),
                        w.z(),
                        p(w.pValue()),
                        w.n(),
                        w.pValue() < 0.05 ? "more than chance would explain" : "this could be chance");
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Against human scores on the %,d rows both runs scored and a human scored: mean |judge − human| "
                        + "A %.2f, B %.2f; %s (%s).",
                scores.pairs(),
                scores.meanAbsErrorA().orElse(0),
                scores.meanAbsErrorB().orElse(0),
                closer,
                test));
        McNemar agreement = scores.humanAgreement();
        if (scores.agreementRows() > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "%nPass/fail against the human's on %,d rows: only A agrees on %d, only B on %d",
                    scores.agreementRows(),
                    agreement.b(),
                    agreement.c()));
            text.append(
                    agreement.b() + agreement.c() == 0
                            ? "."
                            : " (McNemar, " + how(agreement) + ")"
                                    + (agreement.p() < 0.05
                                            ? ": more than chance would explain."
                                            : ": could be chance."));
        }
        return text.toString();
    }

    private static String how(McNemar test) {
        return test.exact()
                ? "exact binomial " + p(test.p())
                : String.format(Locale.ROOT, "χ² = %.2f, %s", test.statistic(), p(test.p()));
    }

    private static String p(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    /** How many rows flipped, and how many of them B's verdict now gets right or wrong. */
    static String flipsSummary(List<FlipLine> flips) {
        if (flips.isEmpty()) {
            return "No verdict flipped between the two runs.";
        }
        long nowRight = flips.stream()
                .filter(f -> f.reading().equals(FlipLine.NOW_RIGHT))
                .count();
        long nowWrong = flips.stream()
                .filter(f -> f.reading().equals(FlipLine.NOW_WRONG))
                .count();
        return String.format(
                Locale.ROOT,
                "%d row%s flipped: %d now agree%s with the truth, %d now disagree%s.",
                flips.size(),
                flips.size() == 1 ? "" : "s",
                nowRight,
                nowRight == 1 ? "s" : "",
                nowWrong,
                nowWrong == 1 ? "s" : "");
    }

    /** What A's side of a prompt diff shows: the text both share, and what B removed. */
    public static List<PromptDiff.Segment> before(PromptDiff diff) {
        return diff.segments().stream()
                .filter(s -> s.kind() != PromptDiff.Kind.ADDED)
                .toList();
    }

    /** What B's side of a prompt diff shows: the text both share, and what B added. */
    public static List<PromptDiff.Segment> after(PromptDiff diff) {
        return diff.segments().stream()
                .filter(s -> s.kind() != PromptDiff.Kind.REMOVED)
                .toList();
    }
}
