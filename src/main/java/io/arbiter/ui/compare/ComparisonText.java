package io.arbiter.ui.compare;

import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.project.RunPair;
import io.arbiter.core.prompt.PromptDiff;
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
                mcnemarText(comparison),
                flips,
                Collections.unmodifiableSet(flippedRows),
                flipsSummary(flips),
                message);
    }

    /** How the flipped rows are described when they are shown in the results. */
    public String flipDescription() {
        return "rows whose verdict flipped from " + compared.a().displayName() + " to "
                + compared.b().displayName();
    }

    /** McNemar's test on the rows both runs judged, with the counts, the statistic and what it means. */
    static String mcnemarText(PairedFigures comparison) {
        McNemar test = comparison.mcnemar();
        String counts = String.format(
                Locale.ROOT,
                "McNemar's test on the %,d rows both runs judged: %d went Correct → "
                        + "Incorrect, %d Incorrect → Correct",
                comparison.pairedRows(),
                test.b(),
                test.c());
        if (test.b() + test.c() == 0) {
            return counts + "; no verdict changed.";
        }
        String p = test.p() < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", test.p());
        String how =
                test.exact() ? "exact binomial " + p : String.format(Locale.ROOT, "χ² = %.2f, %s", test.statistic(), p);
        String reading = test.p() < 0.05
                ? "the judge's verdicts changed more than chance would explain."
                : "a change this size could be chance.";
        return counts + " (" + how + "): " + reading;
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
