package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.metrics.ScoreComparison;
import io.arbiter.core.project.HeldOutChange;
import io.arbiter.core.project.JudgeChange;
import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.project.Project;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code arbiter compare P.arbiter A B}: how run B differs from run A, and whether the judge's flips are chance.
 * (Past 300 lines: the text and the JSON of one comparison stay side by side, so each figure's two spellings agree.)
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description =
                "Compare two runs of a project: metric deltas, McNemar's test and the rows whose verdict flipped.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.arbiter).")
    Path project;

    @Parameters(index = "1", paramLabel = "RUN_A", description = "The earlier run's id (see 'arbiter runs').")
    long runA;

    @Parameters(index = "2", paramLabel = "RUN_B", description = "The later run's id.")
    long runB;

    @Option(names = "--json", description = "Print the comparison as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PairedFigures comparison;
        Optional<HeldOutChange> heldOut;
        try (Project opened = RunsCommand.openExisting(project)) {
            for (long id : new long[] {runA, runB}) {
                if (opened.run(id).isEmpty()) {
                    throw new CliFailure("there is no run " + id + " in " + project, ArbiterCli.BAD_INPUT);
                }
                if (opened.rows(id).isEmpty()) {
                    throw new CliFailure(
                            "run " + id + " has no dataset copy to compare on (saved by an older Arbiter)",
                            ArbiterCli.BAD_INPUT);
                }
            }
            comparison = opened.compare(runA, runB);
            heldOut = opened.heldOutChange(runA, runB);
        }
        McNemar m = comparison.mcnemar();
        if (comparison.pairs() != null || comparison.gradedApart()) {
            PairCompareLines lines = new PairCompareLines(runA, runB, comparison);
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                out.println(mapper.writeValueAsString(lines.json(mapper)));
            } else {
                lines.print(out);
            }
            out.flush();
            return 0;
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = head(mapper, runA, runB, comparison);
            ObjectNode mcnemar = node.putObject("mcnemar");
            mcnemar.put("correct_to_incorrect", m.b());
            mcnemar.put("incorrect_to_correct", m.c());
            mcnemar.put("exact", m.exact());
            mcnemar.put("statistic", m.statistic());
            mcnemar.put("p", m.p());
            if (comparison.judgeChange() != null) {
                putJudgeChange(node, comparison.judgeChange());
            }
            if (comparison.scores() != null) {
                putScores(node, comparison.scores());
            }
            putHeldOut(node, heldOut);
            ArrayNode flips = node.putArray("flipped_rows");
            for (PairedFigures.Flip flip : comparison.flips()) {
                ObjectNode f = flips.addObject();
                f.put("row_index", flip.row());
                f.put("a", flip.a().name().toLowerCase(Locale.ROOT));
                f.put("b", flip.b().name().toLowerCase(Locale.ROOT));
                if (!flip.reading().isEmpty()) {
                    f.put("judge", flip.reading().replace("now ", "now_"));
                }
            }
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf("%-16s %9s %9s %9s%n", "metric", "run " + runA, "run " + runB, "change");
            for (PairedFigures.Delta d : comparison.deltas()) {
                boolean rate = !d.metric().equals("kappa");
                out.printf(
                        "%-16s %9s %9s %9s%n",
                        d.metric(),
                        format(d.a(), rate),
                        format(d.b(), rate),
                        d.change().isPresent()
                                ? String.format(Locale.ROOT, "%+.3f", d.change().getAsDouble())
                                : "n/a");
            }
            out.printf("rows judged in both  %d%n", comparison.pairedRows());
            if (comparison.judgeChange() != null) {
                printJudgeChange(out, comparison.judgeChange());
            }
            heldOut.flatMap(HeldOutChange::warning).ifPresent(out::println);
            out.println("verdict flips (descriptive): " + m.describe());
            if (comparison.scores() != null) {
                printScores(out, comparison.scores());
            }
            out.printf("flipped rows     %d%n", comparison.flips().size());
            for (PairedFigures.Flip flip : comparison.flips()) {
                // Row numbers as a spreadsheet shows them: 1 is the first data row.
                out.printf(
                        "  row %d: %s -> %s%s%n",
                        flip.row() + 1,
                        flip.a().name().toLowerCase(Locale.ROOT),
                        flip.b().name().toLowerCase(Locale.ROOT),
                        flip.reading().isEmpty() ? "" : " (" + flip.reading() + ")");
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Whether B's judge is right more often: {@code judge_mcnemar} on right/wrong per row, and each change with its
     * paired bootstrap interval ({@code delta_judge_vs_truth}, {@code delta_kappa}, {@code delta_sensitivity},
     * {@code delta_specificity}, each with {@code _ci_low} and {@code _ci_high}).
     */
    static void putJudgeChange(ObjectNode node, JudgeChange change) {
        ObjectNode test = node.putObject("judge_mcnemar");
        test.put("right_to_wrong", change.mcnemar().b());
        test.put("wrong_to_right", change.mcnemar().c());
        test.put("p_value", change.mcnemar().p());
        test.put("exact", change.mcnemar().exact());
        putChange(node, "delta_judge_vs_truth", change.judgeVsTruth());
        putChange(node, "delta_kappa", change.kappa());
        putChange(node, "delta_sensitivity", change.sensitivity());
        putChange(node, "delta_specificity", change.specificity());
    }

    /**
     * Whether B helps the example rows but not the held-out ones: {@code held_out_warning} (null when it cannot be
     * told, or the project holds no rows out) and {@code delta_example_rows_agreement} and {@code
     * delta_held_out_agreement}, judge against people, each with its interval and {@code _n}.
     */
    static void putHeldOut(ObjectNode node, Optional<HeldOutChange> heldOut) {
        Optional<Boolean> warns = heldOut.flatMap(HeldOutChange::warns);
        if (warns.isPresent()) {
            node.put("held_out_warning", warns.get());
        } else {
            node.putNull("held_out_warning");
        }
        Estimate none = Estimate.undefined(0);
        putChange(
                node,
                "delta_example_rows_agreement",
                heldOut.map(HeldOutChange::exampleRows).orElse(none));
        node.put(
                "delta_example_rows_agreement_n",
                heldOut.map(h -> h.exampleRows().n()).orElse(0L));
        putChange(
                node,
                "delta_held_out_agreement",
                heldOut.map(HeldOutChange::heldOut).orElse(none));
        node.put("delta_held_out_agreement_n", heldOut.map(h -> h.heldOut().n()).orElse(0L));
    }

    private static void putChange(ObjectNode node, String key, Estimate estimate) {
        put(node, key, estimate.point());
        put(
                node,
                key + "_ci_low",
                estimate.hasInterval() ? OptionalDouble.of(estimate.ciLow()) : OptionalDouble.empty());
        put(
                node,
                key + "_ci_high",
                estimate.hasInterval() ? OptionalDouble.of(estimate.ciHigh()) : OptionalDouble.empty());
        MetricsJson.putIntervalNotes(node, key, estimate);
    }

    private static void printJudgeChange(PrintWriter out, JudgeChange change) {
        McNemar test = change.mcnemar();
        out.printf(
                Locale.ROOT,
                "judge right/wrong  %d right -> wrong, %d wrong -> right; McNemar p = %.4f (%s)%n",
                test.b(),
                test.c(),
                test.p(),
                test.exact() ? "exact" : "chi-squared");
        out.printf(
                Locale.ROOT,
                "change in judge vs truth  %s%n",
                change.judgeVsTruth().format()
                        + change.judgeVsTruth().resampling().undefinedNote());
        out.printf(
                Locale.ROOT,
                "change in kappa           %s%n",
                change.kappa().format() + change.kappa().resampling().undefinedNote());
        out.printf(
                Locale.ROOT,
                "change in sensitivity     %s%n",
                change.sensitivity().format()
                        + change.sensitivity().resampling().undefinedNote());
        out.printf(
                Locale.ROOT,
                "change in specificity     %s%n",
                change.specificity().format()
                        + change.specificity().resampling().undefinedNote());
    }

    /** The keys every comparison starts with: both runs, each metric's delta, and the rows paired. */
    static ObjectNode head(ObjectMapper mapper, long runA, long runB, PairedFigures comparison) {
        ObjectNode node = mapper.createObjectNode();
        node.put("run_a", runA);
        node.put("run_b", runB);
        ObjectNode deltas = node.putObject("deltas");
        for (PairedFigures.Delta d : comparison.deltas()) {
            ObjectNode delta = deltas.putObject(d.metric());
            put(delta, "a", d.a());
            put(delta, "b", d.b());
            put(delta, "change", d.change());
        }
        node.put("paired_rows", comparison.pairedRows());
        return node;
    }

    /** Two scoring runs against the human scores: whose judge is closer, and McNemar on agreeing with pass/fail. */
    private static void putScores(ObjectNode node, ScoreComparison scores) {
        node.put("score_pairs", scores.pairs());
        put(node, "mean_abs_error_a", scores.meanAbsErrorA());
        put(node, "mean_abs_error_b", scores.meanAbsErrorB());
        put(node, "mean_abs_error_difference", scores.meanDifference());
        node.put("wilcoxon_n", scores.wilcoxon().n());
        node.put("wilcoxon_w", scores.wilcoxon().w());
        node.put("wilcoxon_z", scores.wilcoxon().z());
        node.put("wilcoxon_p", scores.wilcoxon().pValue());
        McNemar agreement = scores.humanAgreement();
        ObjectNode human = node.putObject("mcnemar_human_agreement");
        human.put("rows", scores.agreementRows());
        human.put("only_a_agrees", agreement.b());
        human.put("only_b_agrees", agreement.c());
        human.put("exact", agreement.exact());
        human.put("statistic", agreement.statistic());
        human.put("p", agreement.p());
    }

    private static void printScores(PrintWriter out, ScoreComparison scores) {
        out.printf("rows scored by both and a human  %d%n", scores.pairs());
        out.printf(
                "mean |judge - human|  A %s  B %s  A - B %s%n",
                RunsCommand.number(scores.meanAbsErrorA()),
                RunsCommand.number(scores.meanAbsErrorB()),
                scores.meanDifference().isPresent()
                        ? String.format(
                                Locale.ROOT, "%+.3f", scores.meanDifference().getAsDouble())
                        : "n/a");
        out.printf(
                Locale.ROOT,
                "Wilcoxon signed-rank on |a - h| - |b - h|: W = %.1f, z = %.2f, p = %.3g (%d rows differ)%n",
                scores.wilcoxon().w(),
                scores.wilcoxon().z(),
                scores.wilcoxon().pValue(),
                scores.wilcoxon().n());
        McNemar agreement = scores.humanAgreement();
        out.printf(
                Locale.ROOT,
                "pass/fail vs human on %d rows: only A agrees %d, only B agrees %d, McNemar p = %.3g%n",
                scores.agreementRows(),
                agreement.b(),
                agreement.c(),
                agreement.p());
    }

    private static String format(OptionalDouble value, boolean rate) {
        return rate ? RunsCommand.percent(value) : RunsCommand.number(value);
    }

    static void put(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }
}
