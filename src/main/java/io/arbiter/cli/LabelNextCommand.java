package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.LabelPlan;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter label-next P.arbiter}: the unlabelled rows whose review narrows the judge's intervals the most. */
@Command(
        name = "label-next",
        mixinStandardHelpOptions = true,
        description = "List the rows to review next so that their labels narrow the intervals on the judge's"
                + " sensitivity, specificity and PPI base accuracy the most, with the intervals expected after.")
final class LabelNextCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.arbiter).")
    Path project;

    @Option(names = "--count", paramLabel = "K", description = "How many rows to plan (default: ${DEFAULT-VALUE}).")
    int count = 20;

    @Option(
            names = "--run",
            paramLabel = "N",
            description = "The run to plan for (see 'arbiter runs'); default: the latest run with verdicts.")
    Long run;

    @Option(names = "--json", description = "Print the plan as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new CliFailure("--count must be at least 1, not " + count, ArbiterCli.BAD_INPUT);
        }
        PrintWriter out = command.commandLine().getOut();
        long id;
        LabelPlan plan;
        JudgeScheme scheme;
        Map<Integer, RowResult> byRow = new HashMap<>();
        try (Project opened = RunsCommand.openExisting(project)) {
            id = run != null ? run : latestJudged(opened);
            if (opened.run(id).isEmpty()) {
                throw new CliFailure("there is no run " + id + " in " + project, ArbiterCli.BAD_INPUT);
            }
            scheme = opened.scheme(id);
            if (scheme.pairs()) {
                throw new CliFailure(
                        "run " + id + " compares pairs: label-next plans for runs that pass or fail one answer",
                        ArbiterCli.BAD_INPUT);
            }
            List<RowResult> measured = opened.measured(id);
            measured.forEach(r -> byRow.put(r.row(), r));
            plan = opened.ratings(id).labelPlan(measured, count);
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            out.println(mapper.writeValueAsString(json(mapper, id, plan, scheme, byRow)));
        } else {
            print(out, id, plan, scheme, byRow);
        }
        out.flush();
        return 0;
    }

    /** The latest run whose judge gave a verdict on a row its figures count. */
    private long latestJudged(Project opened) {
        List<RunListing> runs = opened.runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            long id = runs.get(i).id();
            if (opened.measured(id).stream()
                    .anyMatch(r -> r.verdict() != null && r.verdict().parsed())) {
                return id;
            }
        }
        throw new CliFailure("no run of " + project + " has a judge verdict to plan from", ArbiterCli.BAD_INPUT);
    }

    private static ObjectNode json(
            ObjectMapper mapper, long id, LabelPlan plan, JudgeScheme scheme, Map<Integer, RowResult> byRow) {
        ObjectNode node = mapper.createObjectNode();
        node.put("run", id);
        node.put("count", plan.rows().size());
        node.put("labelled", plan.labelled());
        node.put("unlabelled", plan.candidates());
        ArrayNode rows = node.putArray("rows");
        for (LabelPlan.Pick pick : plan.rows()) {
            ObjectNode row = rows.addObject();
            row.put("row", pick.row() + 1); // as the results CSV numbers rows: 1 is the first data row
            row.put("row_index", pick.row());
            row.put("stratum", pick.judgeCorrect() ? "judge_correct" : "judge_incorrect");
            row.put("verdict", verdict(scheme, byRow.get(pick.row())));
            row.put("reason", pick.reason());
        }
        ObjectNode expected = node.putObject("expected");
        for (LabelPlan.Figure figure : LabelPlan.Figure.values()) {
            ObjectNode f = expected.putObject(key(figure));
            ends(f, "now", plan.now().of(figure));
            ends(f, "after", plan.after().of(figure));
        }
        return node;
    }

    private static void ends(ObjectNode node, String prefix, Estimate estimate) {
        CompareCommand.put(node, prefix + "_ci_low", estimate.low());
        CompareCommand.put(node, prefix + "_ci_high", estimate.high());
    }

    private static void print(
            PrintWriter out, long id, LabelPlan plan, JudgeScheme scheme, Map<Integer, RowResult> byRow) {
        out.printf(
                Locale.ROOT,
                "run %d: %d rows to label next, of %d unlabelled (%d judged Correct, %d Incorrect); %d labelled%n",
                id,
                plan.rows().size(),
                plan.candidates(),
                plan.correct(),
                plan.incorrect(),
                plan.labelled());
        if (!plan.rows().isEmpty()) {
            out.printf("%6s  %-16s %-10s %s%n", "row", "stratum", "verdict", "why");
            for (LabelPlan.Pick pick : plan.rows()) {
                out.printf(
                        Locale.ROOT,
                        "%6d  %-16s %-10s %s%n",
                        pick.row() + 1,
                        pick.judgeCorrect() ? "judge Correct" : "judge Incorrect",
                        verdict(scheme, byRow.get(pick.row())),
                        pick.reason());
            }
        }
        out.printf("%-18s %-20s %s%n", "figure", "now", "after " + plan.rows().size() + " more labels (expected)");
        for (LabelPlan.Figure figure : LabelPlan.Figure.values()) {
            out.printf(
                    "%-18s %-20s %s%n",
                    figure.title(),
                    plan.now().of(figure).format(),
                    plan.after().of(figure).format());
        }
    }

    private static String key(LabelPlan.Figure figure) {
        return figure.name().toLowerCase(Locale.ROOT);
    }

    private static String verdict(JudgeScheme scheme, RowResult row) {
        return row == null || row.judgement() == null ? "" : scheme.spell(row.judgement());
    }
}
