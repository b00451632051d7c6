package io.arbiter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.metrics.PreferenceConfusion;
import io.arbiter.core.verdict.Preference;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A pairwise judge's figures for {@code run} and {@code metrics} alike, as text lines or JSON keys, so a run and its
 * results CSV read back print the same.
 *
 * @param rows   rows the figures cover: decided, unparsed, with an error, or not reached
 * @param errors rows with a failed request, left out of the figures
 * @param swap   "both" when each row was asked in both orders, else "none"
 */
record PairLines(long rows, long errors, PairFigures pairs, String swap) {

    /** The keys of docs/PAIRWISE.md's "Command line" section. */
    void put(ObjectNode json) {
        json.put("rows", rows);
        MetricsJson.putPairs(json, pairs);
        json.put("errors", errors);
        json.put("swap", swap);
    }

    void print(PrintWriter out) {
        out.printf("rows            %d (errors %d, swap %s)%n", rows, errors, swap);
        out.printf(
                "outcomes        A wins %d, B wins %d, ties %d, inconsistent %d (counted as ties), unparsed %d%n",
                pairs.aWins(), pairs.bWins(), pairs.ties(), pairs.inconsistent(), pairs.unparsed());
        line(out, "win rate of A", pairs.winRateA(), "bootstrap over decided rows");
        line(out, "position consistency", pairs.positionConsistency(), "Wilson; rows asked in both orders");
        line(out, "first-position rate", pairs.firstPositionRate(), "Wilson; 0.5 is unbiased");
        line(out, "human agreement", pairs.humanAgreement(), "Wilson");
        line(out, "human kappa", pairs.humanKappa(), "bootstrap");
        if (pairs.humanN() > 0) {
            out.println("judge vs human  (rows: judge, columns: human; inconsistent counted as tie)");
            out.printf("  %-5s %5s %5s %5s%n", "", "A", "B", "tie");
            for (Preference judge : PreferenceConfusion.CLASSES) {
                out.printf(
                        "  %-5s %5d %5d %5d%n",
                        PreferenceConfusion.name(judge),
                        pairs.confusion().count(judge, Preference.A),
                        pairs.confusion().count(judge, Preference.B),
                        pairs.confusion().count(judge, Preference.TIE));
            }
        }
    }

    private static void line(PrintWriter out, String name, Estimate estimate, String method) {
        String value = !estimate.isDefined()
                ? "n/a"
                : estimate.hasInterval()
                        ? String.format(
                                Locale.ROOT,
                                "%.2f (95%% CI %.2f–%.2f, %s)",
                                estimate.value(),
                                estimate.ciLow(),
                                estimate.ciHigh(),
                                method)
                        : estimate.format();
        out.printf(
                "%-21s %s, n = %d%s%n",
                name, value, estimate.n(), estimate.resampling().undefinedNote());
    }
}
