package io.arbiter.ui.runs;

import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.prompt.PromptDiff;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.RunRecord;
import io.arbiter.ui.runs.RunsViewModel.RunLine;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How one run reads in the runs list: its time, models, prompt changes, figures, tokens, cost and status as text. */
final class RunLineText {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** Room for one prompt's change in the Prompts column; both prompts changed take twice that. */
    static final int PROMPT_CHANGE_WIDTH = 56;
    /** Changes listed per prompt in the Prompts tooltip before "and N more". */
    private static final int DETAIL_CHANGES = 6;

    private RunLineText() {}

    static RunLine line(RunListing summary, RunListing previous, Map<Long, PromptVersion> versions) {
        RunRecord record = summary.record();
        PromptVersion now = version(record, versions);
        PromptVersion before = previous == null ? null : version(previous.record(), versions);
        String models = record.baseModel() == null ? "" : record.baseModel() + " → " + record.judgeModel();
        // A scoring run's kappa is the weighted one over its scores, marked so, as the pass/fail kappa loses the scale.
        String kappa = summary.metric("weighted_kappa_quadratic").isPresent()
                ? String.format(
                        Locale.ROOT,
                        "κw %.2f",
                        summary.metric("weighted_kappa_quadratic").getAsDouble())
                : summary.metric("kappa").isPresent()
                        ? String.format(
                                Locale.ROOT, "%.2f", summary.metric("kappa").getAsDouble())
                        : "n/a";
        return new RunLine(
                record.id(),
                TIME.format(record.createdAt()),
                models,
                promptChange(previous == null, before, now),
                promptChangeDetail(previous, before, now),
                summary.rows() == 0 ? "" : String.format(Locale.ROOT, "%,d", summary.rows()),
                percent(summary, "base_vs_truth"),
                percent(summary, "judge_vs_truth"),
                percent(summary, "base_vs_judge"),
                kappa,
                tokens(record.totalTokens(), summary.cachedTokens()),
                cost(record.costUsd()),
                summary.displayName(),
                record.note() == null ? "" : record.note(),
                summary.draft() ? "draft · " + summary.statusText() : summary.statusText());
    }

    private static PromptVersion version(RunRecord record, Map<Long, PromptVersion> versions) {
        return record.promptVersionId() == null ? null : versions.get(record.promptVersionId());
    }

    /**
     * The Prompts column: "first run", "same prompts", or each changed prompt's short diff, e.g.
     * {@code judge: +1 −1 words: "only" → "strictly"}; empty when either run's prompts are unknown (format 1).
     */
    static String promptChange(boolean first, PromptVersion before, PromptVersion now) {
        if (first) {
            return "first run";
        }
        if (before == null || now == null) {
            return "";
        }
        PromptDiff base = PromptDiff.of(before.baseText(), now.baseText());
        PromptDiff judge = PromptDiff.of(before.judgeText(), now.judgeText());
        if (base.unchanged() && judge.unchanged()) {
            return "same prompts";
        }
        List<String> parts = new ArrayList<>(2);
        if (!base.unchanged()) {
            parts.add("base: " + base.shortText(PROMPT_CHANGE_WIDTH));
        }
        if (!judge.unchanged()) {
            parts.add("judge: " + judge.shortText(PROMPT_CHANGE_WIDTH));
        }
        return String.join("; ", parts);
    }

    /** The tooltip: which run it is compared with and every change (up to a few per prompt), quoted in full. */
    static String promptChangeDetail(RunListing previous, PromptVersion before, PromptVersion now) {
        if (previous == null) {
            return "The project's first run: there is nothing before it to compare its prompts with.";
        }
        if (before == null || now == null) {
            return "The prompts of this run or of " + previous.displayName() + " were not recorded.";
        }
        StringBuilder text = new StringBuilder("Compared with " + previous.displayName() + ", the run before it:");
        describe(text, "Base prompt", PromptDiff.of(before.baseText(), now.baseText()));
        describe(text, "Judge prompt", PromptDiff.of(before.judgeText(), now.judgeText()));
        return text.toString();
    }

    private static void describe(StringBuilder text, String title, PromptDiff diff) {
        if (diff.unchanged()) {
            text.append('\n').append(title).append(": unchanged");
            return;
        }
        text.append(String.format(Locale.ROOT, "%n%s: +%d −%d words", title, diff.addedWords(), diff.removedWords()));
        int shown = 0;
        int changes = 0;
        for (PromptDiff.Segment s : diff.segments()) {
            if (s.kind() == PromptDiff.Kind.SAME || s.text().isBlank()) {
                continue;
            }
            changes++;
            if (shown < DETAIL_CHANGES) {
                shown++;
                text.append("\n   ")
                        .append(s.kind() == PromptDiff.Kind.ADDED ? "+ " : "− ")
                        .append(quote(s.text()));
            }
        }
        if (changes > shown) {
            text.append(String.format(Locale.ROOT, "%n   … and %d more", changes - shown));
        }
    }

    private static String quote(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return "\"" + (flat.length() > 120 ? flat.substring(0, 119) + "…" : flat) + "\"";
    }

    /** The tokens sent, and those answered from the cache beside them: "1,234 (+5,000 cached)". */
    static String tokens(long total, long cached) {
        long sent = Math.max(0, total - cached);
        return cached <= 0
                ? String.format(Locale.ROOT, "%,d", total)
                : String.format(Locale.ROOT, "%,d (+%,d cached)", sent, Math.min(cached, total));
    }

    /** "$0.0123" under a dollar, "$12.35" above; "—" when a price was unknown, which is not the same as $0. */
    static String cost(Double usd) {
        if (usd == null) {
            return "—";
        }
        if (usd == 0) {
            return "$0.00";
        }
        if (usd < 0.0001) {
            return "< $0.0001";
        }
        return String.format(Locale.ROOT, usd < 1 ? "$%.4f" : "$%,.2f", usd);
    }

    /** The same text the results tiles show: hits over n. */
    static String percent(RunListing summary, String metric) {
        if (!summary.metrics().has(metric + "_n")) {
            return "";
        }
        return new Proportion(
                        summary.metrics().path(metric + "_hits").asLong(),
                        summary.metrics().path(metric + "_n").asLong())
                .percent();
    }
}
