package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.project.PairComparison;
import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.PairOutcome;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code arbiter compare} on a pairwise run: two pairwise runs by their outcomes and figures, or a pairwise run
 * beside a run of one answer by the counts both share.
 */
record PairCompareLines(long runA, long runB, PairedFigures comparison) {

    /** What is said when one run judges pairs and the other single answers. */
    String apart() {
        return "runs " + runA + " and " + runB + " grade differently (one judges a pair of answers, A against B,"
                + " the other one answer per row): only their rows and errors are compared";
    }

    ObjectNode json(ObjectMapper mapper) {
        ObjectNode node = CompareCommand.head(mapper, runA, runB, comparison);
        if (comparison.gradedApart()) {
            node.put("graded_apart", true);
            node.put("message", apart());
            return node;
        }
        PairComparison pairs = comparison.pairs();
        ObjectNode pairwise = node.putObject("pairwise");
        pairwise.put("rows_judged_in_both", pairs.rows());
        pairwise.put("rows_decided_in_both", pairs.bothDecided());
        ObjectNode changes = pairwise.putObject("outcome_changes");
        for (PairOutcome before : PairOutcome.values()) {
            ObjectNode line = changes.putObject(spell(before));
            for (PairOutcome after : PairOutcome.values()) {
                line.put(spell(after), pairs.count(before, after));
            }
        }
        figures(pairwise.putObject("a"), pairs.a());
        figures(pairwise.putObject("b"), pairs.b());
        estimate(pairwise, "win_rate_a_change", pairs.winRateChange());
        ArrayNode rows = pairwise.putArray("changed_rows");
        for (PairComparison.Change change : pairs.changes()) {
            ObjectNode row = rows.addObject();
            row.put("row_index", change.row());
            row.put("a", spell(change.a()));
            row.put("b", spell(change.b()));
        }
        return node;
    }

    void print(PrintWriter out) {
        if (comparison.gradedApart()) {
            out.println(apart());
            for (PairedFigures.Delta d : comparison.deltas()) {
                out.printf(
                        Locale.ROOT,
                        "%-8s run %d: %.0f, run %d: %.0f%n",
                        d.metric(),
                        runA,
                        d.a().orElse(0),
                        runB,
                        d.b().orElse(0));
            }
            return;
        }
        PairComparison pairs = comparison.pairs();
        out.printf("%-21s %9s %9s %9s%n", "figure", "run " + runA, "run " + runB, "change");
        for (PairedFigures.Delta d : comparison.deltas()) {
            out.printf(
                    "%-21s %9s %9s %9s%n",
                    d.metric(),
                    RunsCommand.number(d.a()),
                    RunsCommand.number(d.b()),
                    d.change().isPresent()
                            ? String.format(Locale.ROOT, "%+.3f", d.change().getAsDouble())
                            : "n/a");
        }
        Estimate change = pairs.winRateChange();
        out.printf(
                Locale.ROOT,
                "win rate of A, run %d - run %d, over the %d rows both decided: %s%n",
                runB,
                runA,
                pairs.bothDecided(),
                !change.isDefined()
                        ? "n/a"
                        : change.hasInterval()
                                ? String.format(
                                        Locale.ROOT,
                                        "%+.3f (95%% CI %+.3f to %+.3f, paired bootstrap)",
                                        change.value(),
                                        change.ciLow(),
                                        change.ciHigh())
                                : String.format(Locale.ROOT, "%+.3f", change.value()));
        out.printf("outcomes, run %d (rows) -> run %d (columns), %d rows judged in both%n", runA, runB, pairs.rows());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-13s", ""));
        for (PairOutcome after : PairOutcome.values()) {
            head.append(String.format(Locale.ROOT, " %12s", spell(after)));
        }
        out.println(head);
        for (PairOutcome before : PairOutcome.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-13s", spell(before)));
            for (PairOutcome after : PairOutcome.values()) {
                line.append(String.format(Locale.ROOT, " %12d", pairs.count(before, after)));
            }
            out.println(line);
        }
        out.printf("changed rows     %d%n", pairs.changes().size());
        for (PairComparison.Change c : pairs.changes()) {
            out.printf("  row %d: %s -> %s%n", c.row() + 1, spell(c.a()), spell(c.b()));
        }
    }

    private static void figures(ObjectNode node, PairFigures figures) {
        node.put("a_wins", figures.aWins());
        node.put("b_wins", figures.bWins());
        node.put("ties", figures.ties());
        node.put("inconsistent", figures.inconsistent());
        node.put("unparsed_judge", figures.unparsed());
        estimate(node, "win_rate_a", figures.winRateA());
        estimate(node, "position_consistency", figures.positionConsistency());
        estimate(node, "first_position_rate", figures.firstPositionRate());
        estimate(node, "human_agreement", figures.humanAgreement());
        estimate(node, "human_kappa", figures.humanKappa());
    }

    private static void estimate(ObjectNode node, String key, Estimate estimate) {
        CompareCommand.put(node, key, estimate.point());
        CompareCommand.put(node, key + "_ci_low", estimate.hasInterval() ? estimate.low() : OptionalDouble.empty());
        CompareCommand.put(node, key + "_ci_high", estimate.hasInterval() ? estimate.high() : OptionalDouble.empty());
        node.put(key + "_n", estimate.n());
        MetricsJson.putIntervalNotes(node, key, estimate);
    }

    private static String spell(PairOutcome outcome) {
        return outcome == PairOutcome.UNPARSED ? "unparsed" : PairwiseScheme.spell(outcome);
    }
}
