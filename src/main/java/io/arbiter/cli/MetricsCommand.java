package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.export.CsvInputException;
import io.arbiter.core.export.JudgedCsvReader;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.export.PairCsvReader;
import io.arbiter.core.export.ScoredCsvReader;
import io.arbiter.core.metrics.AccuracyBounds;
import io.arbiter.core.metrics.AgreementTable;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JudgeAgreement;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.LabelConfusion;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.scheme.ScoreScheme;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter metrics}: the judge statistics of any results CSV, with the same code as the workbench. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Compute accuracies, judge agreement (kappa, AC1, MCC, ...), label confusion and corrected "
                + "accuracy from a CSV, such as the one 'arbiter run --out' writes.")
final class MetricsCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "UTF-8 CSV with a header row.")
    Path file;

    @Mixin
    SchemeOptions schemeOptions;

    @Option(names = "--truth-column", description = "Ground-truth labels (Arbiter's export: truth); verdicts only.")
    String truthColumn;

    @Option(
            names = "--truth-separator",
            defaultValue = ",",
            description = "Separates labels in a multi-label truth cell (default: ${DEFAULT-VALUE}).")
    String truthSeparator;

    @Option(
            names = "--base-column",
            description = "The base model's answer (Arbiter's export: base_answer_raw); verdicts only.")
    String baseColumn;

    @Option(
            names = "--judge-verdict-column",
            description = "The judge's Correct/Incorrect (Arbiter's export: judge_evaluation); verdicts only.")
    String verdictColumn;

    @Option(
            names = "--judge-prediction-column",
            description = "The judge's own label (Arbiter's export: judge_prediction).")
    String predictionColumn;

    @Option(
            names = "--human-column",
            description =
                    "A human's Correct/Incorrect on the base answer, or the human's label; such rows count as labelled.")
    String humanColumn;

    @Option(
            names = "--judge-score-column",
            description = "With --scheme score: the judge's score (Arbiter's export: judge_score).")
    String judgeScoreColumn;

    @Option(
            names = "--human-score-column",
            description = "With --scheme score: a person's score of the same answer (Arbiter's export: human_score).")
    String humanScoreColumn;

    @Option(
            names = "--judge-output-column",
            description =
                    "With --scheme score: the judge's raw output, so an empty score beside an output counts as unparsed (default: judge_output_raw when the file has it, as Arbiter's export does).")
    String judgeOutputColumn;

    @Option(
            names = "--winner-ab-column",
            description =
                    "With --scheme pairwise: the judge's winner with A shown first, A, B or tie (default: winner_ab).")
    String winnerAbColumn;

    @Option(
            names = "--winner-ba-column",
            description =
                    "With --scheme pairwise: the judge's winner with B shown first, mapped back to A, B or tie (default: winner_ba when the file has it; empty in every row, or --swap none, reads one order).")
    String winnerBaColumn;

    @Option(
            names = "--human-preference-column",
            description =
                    "With --scheme pairwise: a person's preference, A, B or tie (default: human_preference when the file has it).")
    String preferenceColumn;

    @Option(names = "--json", description = "Print the metrics as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        JudgeScheme scheme = schemeOptions.scheme(JudgeSchemes.DEFAULT);
        if (scheme instanceof PairwiseScheme pairwise) {
            return pairs(pairwise);
        }
        if (winnerAbColumn != null || winnerBaColumn != null || preferenceColumn != null) {
            throw new CliFailure(
                    "--winner-ab-column, --winner-ba-column and --human-preference-column go with --scheme pairwise",
                    ArbiterCli.BAD_INPUT);
        }
        JudgeReport report;
        try {
            report = scheme instanceof ScoreScheme scoring ? scores(scoring) : verdicts();
        } catch (CsvInputException e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(MetricsJson.write(report));
        } else if (report.scores() != null) {
            out.printf("rows            %d%n", report.loop().rows());
            out.printf("unparsed judge  %d%n", report.loop().unparsedJudge());
            ScoreLines.print(report, out);
            out.println();
            print(report, out);
        } else {
            print(report, out);
        }
        out.flush();
        return 0;
    }

    /** A pairwise judge's figures, printed as {@code run} prints them. */
    private Integer pairs(PairwiseScheme scheme) {
        PairCsvReader.Read read;
        try {
            read = PairCsvReader.read(
                    file,
                    new PairCsvReader.Columns(
                            winnerAbColumn, winnerBaColumn, preferenceColumn, scheme.bothOrders() ? null : "none"));
        } catch (CsvInputException e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        PairLines lines = new PairLines(read.rows(), read.errors(), read.figures(), read.swapped() ? "both" : "none");
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            lines.put(node);
            out.println(node.toString());
        } else {
            lines.print(out);
        }
        out.flush();
        return 0;
    }

    private JudgeReport verdicts() throws CsvInputException {
        require("--truth-column", truthColumn, "verdict");
        require("--base-column", baseColumn, "verdict");
        require("--judge-verdict-column", verdictColumn, "verdict");
        return JudgeReport.ofRated(JudgedCsvReader.read(
                file,
                new JudgedCsvReader.Columns(
                        truthColumn, truthSeparator, baseColumn, verdictColumn, predictionColumn, humanColumn)));
    }

    private JudgeReport scores(ScoreScheme scheme) throws CsvInputException {
        require("--judge-score-column", judgeScoreColumn, "score");
        require("--human-score-column", humanScoreColumn, "score");
        return scheme.figures(ScoredCsvReader.read(
                file, new ScoredCsvReader.Columns(judgeScoreColumn, humanScoreColumn, judgeOutputColumn), scheme));
    }

    private static void require(String option, String value, String scheme) {
        if (value == null || value.isBlank()) {
            throw new CliFailure(
                    "Missing required option: '" + option + "' (with --scheme " + scheme + ")", ArbiterCli.BAD_INPUT);
        }
    }

    private static void print(JudgeReport report, PrintWriter out) {
        out.printf("rows                     %d%n", report.loop().rows());
        line(out, "base vs truth", report.baseVsTruth());
        line(out, "judge vs truth", report.judgeVsTruth());
        line(out, "base vs judge", report.baseVsJudge());
        out.printf(
                "unparsed                 base %d, judge %d%n",
                report.loop().unparsedBase(), report.loop().unparsedJudge());
        AccuracyBounds bounds = report.bounds();
        out.printf(
                "bounds                   base vs truth %s, judge vs truth %s (rows naming no label all wrong to"
                        + " all right: base %d, judge %d)%n",
                AccuracyBounds.range(bounds.baseWorst(), bounds.baseBest()),
                AccuracyBounds.range(bounds.judgeWorst(), bounds.judgeBest()),
                bounds.baseNoLabel(),
                bounds.judgeNoLabel());
        out.println();
        JudgeAgreement judge = report.judge();
        AgreementTable t = judge.table();
        out.println("judge as a classifier of base correctness (positive: the base answer is right)");
        out.printf("                         base right  base wrong%n");
        out.printf("  judge Correct          %10d  %10d%n", t.tp(), t.fp());
        out.printf("  judge Incorrect        %10d  %10d%n", t.fn(), t.tn());
        line(out, "  agreement", judge.agreement());
        line(out, "  kappa", judge.kappa());
        line(out, "  AC1", judge.ac1());
        line(out, "  MCC", judge.mcc());
        line(out, "  sensitivity", judge.sensitivity());
        line(out, "  specificity", judge.specificity());
        line(out, "  precision", judge.precision());
        line(out, "  balanced accuracy", judge.balancedAccuracy());
        if (report.labelledByHuman() > 0 || report.truthHumanConflicts() > 0) {
            out.printf(
                    "  labelled by a human    %d (conflicts with truth: %d)%n",
                    report.labelledByHuman(), report.truthHumanConflicts());
        }
        out.println();
        line(out, "corrected base accuracy", report.corrected().estimate());
        out.printf(
                "  %d rows without truth. %s%n",
                report.corrected().unlabelled(), report.corrected().assumption());
        out.println();
        labels(out, "base answers vs truth", report.baseLabels());
        labels(out, "judge predictions vs truth", report.judgeLabels());
        out.println(report.reading());
    }

    private static void line(PrintWriter out, String name, Estimate estimate) {
        out.printf(
                "%-24s %-22s (n = %d%s)%n",
                name, estimate.format(), estimate.n(), estimate.resampling().undefinedNote());
    }

    /** The per-label table's column of answers that name no label. */
    private static final String NO_LABEL = "(no label)";

    private static void labels(PrintWriter out, String title, LabelConfusion confusion) {
        if (confusion.total() == 0) {
            return;
        }
        out.println(title + " (rows: truth, columns: answer)");
        int width = Math.max(
                NO_LABEL.length(),
                confusion.columns().stream().mapToInt(String::length).max().orElse(6));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", ""));
        for (String column : confusion.columns()) {
            head.append(String.format(Locale.ROOT, " %" + width + "s", column));
        }
        // The off-list bucket: answers naming no label, by the truth label they are charged to; left out of accuracy.
        boolean noLabel = confusion.unparsed() > 0;
        if (noLabel) {
            head.append(String.format(Locale.ROOT, " %" + width + "s", NO_LABEL));
        }
        out.println(head.append(String.format(Locale.ROOT, "  %s", "accuracy")));
        long[][] counts = confusion.counts();
        List<String> labels = confusion.labels();
        for (int r = 0; r < labels.size(); r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", labels.get(r)));
            for (long count : counts[r]) {
                line.append(String.format(Locale.ROOT, " %" + width + "d", count));
            }
            if (noLabel) {
                line.append(String.format(Locale.ROOT, " %" + width + "d", confusion.unparsedOf(r)));
            }
            out.println(line.append("  ")
                    .append(confusion.perLabelAccuracy().get(labels.get(r)).format()));
        }
        out.printf(
                "  macro (over the truth labels) precision %s, recall %s, F1 %s; no label %d%n%n",
                confusion.macroPrecision().format(),
                confusion.macroRecall().format(),
                confusion.macroF1().format(),
                confusion.unparsed());
    }
}
