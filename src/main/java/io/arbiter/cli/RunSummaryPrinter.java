package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.export.HeldOutJson;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.export.ReliabilityJson;
import io.arbiter.core.export.RunProblemsJson;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.HeldOutAgreement;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.RunOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code arbiter run} prints on stdout when a run ends: its figures, requests and time, as text or JSON. */
final class RunSummaryPrinter {

    private RunSummaryPrinter() {}

    /** The figures as aligned text, or with {@code json} as one object; {@code out} is named when results went there. */
    static void print(
            RunOutcome outcome,
            JudgeReport report,
            JudgeReliability reliability,
            Optional<HeldOutAgreement> heldOut,
            RunAccounting accounting,
            boolean json,
            Path out,
            PrintWriter stdout)
            throws IOException {
        AccuracyCounts m = outcome.metrics();
        // A pair has no base answer to be right or wrong: its own figures stand in for the accuracies.
        PairLines pairs =
                report.pairs() == null ? null : new PairLines(m.rows(), m.errors(), report.pairs(), swap(outcome));
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode summary = mapper.createObjectNode();
            if (pairs != null) {
                pairs.put(summary);
            } else {
                summary.put("rows", m.rows());
                put(summary, "base_vs_judge", m.baseVsJudge());
                put(summary, "base_vs_truth", m.baseVsTruth());
                put(summary, "judge_vs_truth", m.judgeVsTruth());
                summary.put("unparsed_base", m.unparsedBase());
                summary.put("unparsed_judge", m.unparsedJudge());
                summary.put("errors", m.errors());
                MetricsJson.putPredictionPowered(summary, report);
                MetricsJson.putBounds(summary, report.bounds());
                MetricsJson.putScores(summary, report);
            }
            if (pairs == null) {
                ReliabilityJson.put(summary, reliability);
                heldOut.ifPresent(figures -> HeldOutJson.put(summary, figures));
            }
            RunProblemsJson.put(summary, outcome);
            summary.put("status", outcome.status().name().toLowerCase());
            summary.put(
                    "prompt_tokens",
                    outcome.baseUsage().promptTokens() + outcome.judgeUsage().promptTokens());
            summary.put(
                    "completion_tokens",
                    outcome.baseUsage().completionTokens()
                            + outcome.judgeUsage().completionTokens());
            summary.put("requests", accounting.requests());
            summary.put("seconds", accounting.seconds());
            stdout.println(mapper.writeValueAsString(summary));
        } else {
            if (pairs != null) {
                pairs.print(stdout);
            } else {
                stdout.printf("rows            %d%n", m.rows());
                stdout.printf("base vs judge   %s%n", m.baseVsJudge().describe());
                stdout.printf("base vs truth   %s%n", m.baseVsTruth().describe());
                stdout.printf("judge vs truth  %s%n", m.judgeVsTruth().describe());
                stdout.printf("unparsed        base %d, judge %d%n", m.unparsedBase(), m.unparsedJudge());
                if (!report.bounds().sentence().isEmpty()) {
                    stdout.printf("bounds          %s%n", report.bounds().sentence());
                }
                stdout.printf("errors          %d%n", m.errors());
                ScoreLines.print(report, stdout);
                ReliabilityLines.print(reliability, stdout);
                heldOut.ifPresent(figures -> stdout.printf("held out        %s%n", line(figures)));
            }
            stdout.printf(
                    java.util.Locale.ROOT,
                    "requests        %d in %.1f s%n",
                    accounting.requests(),
                    accounting.seconds());
            if (out != null) {
                stdout.printf("results         %s%n", out);
            }
        }
        stdout.flush();
    }

    /** "agreement 0.80 [0.62, 0.91] (n = 18) · example rows 0.95 (n = 40)": the judge against people, apart. */
    static String line(HeldOutAgreement figures) {
        return "agreement " + figures.heldOut().agreement().format() + " (n = "
                + figures.heldOut().table().n() + ") · example rows "
                + figures.examples().agreement().format() + " (n = "
                + figures.examples().table().n() + ")";
    }

    private static String swap(RunOutcome outcome) {
        return outcome.rows().stream()
                        .anyMatch(row -> row.paired() && row.pair().swapped())
                ? "both"
                : "none";
    }

    /** A proportion as its rate (null when nothing was counted) with the counts beside it. */
    private static void put(ObjectNode summary, String key, Proportion p) {
        if (p.rate().isPresent()) {
            summary.put(key, p.rate().getAsDouble());
        } else {
            summary.putNull(key);
        }
        summary.put(key + "_hits", p.hits());
        summary.put(key + "_n", p.n());
    }
}
