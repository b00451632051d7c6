package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.store.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter runs P.arbiter}: the project's runs with their headline metrics, oldest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List a project's runs with their metrics.")
final class RunsCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("base_vs_truth", "judge_vs_truth", "base_vs_judge", "kappa");

    /** A pairwise run's headline: its gates and the judge's lean to the first place. */
    static final List<String> PAIR_FIGURES = java.util.stream.Stream.concat(
                    RunListing.PAIR_HEADLINE.stream(), java.util.stream.Stream.of("first_position_rate"))
            .toList();

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.arbiter).")
    Path project;

    @Option(names = "--json", description = "Print the runs as one JSON array.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        List<RunListing> runs;
        try (Project opened = openExisting(project)) {
            runs = opened.runs();
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            runs.forEach(run -> array.add(json(mapper, run)));
            out.println(mapper.writeValueAsString(array));
        } else {
            out.printf(
                    "%-4s %-20s %-20s %-32s %6s %8s %8s %8s %7s %10s %8s  %s%n",
                    "id", "name", "started", "models", "rows", "b/truth", "j/truth", "b/judge", "kappa", "tokens",
                    "cost", "arbiter");
            for (RunListing run : runs) {
                RunRecord r = run.record();
                out.printf(
                        Locale.ROOT,
                        "%-4d %-20s %-20s %-32s %6d %8s %8s %8s %7s %10d %8s  %s%n",
                        r.id(),
                        clip(run.displayName() + (run.draft() ? " (draft)" : ""), 20),
                        started(r).replace('T', ' ').replaceAll("\\..*|Z$", ""),
                        clip(models(r), 32),
                        run.rows(),
                        percent(run.metric("base_vs_truth")),
                        percent(run.metric("judge_vs_truth")),
                        percent(run.metric("base_vs_judge")),
                        number(run.metric("kappa")),
                        r.totalTokens(),
                        r.costUsd() == null ? "-" : String.format(Locale.ROOT, "$%.4f", r.costUsd()),
                        r.arbiterVersion() == null ? "-" : r.arbiterVersion());
            }
        }
        out.flush();
        return 0;
    }

    static ObjectNode json(ObjectMapper mapper, RunListing run) {
        RunRecord r = run.record();
        ObjectNode node = mapper.createObjectNode();
        node.put("id", r.id());
        node.put("name", r.name());
        node.put("note", r.note());
        node.put("status", r.status());
        node.put("status_text", run.statusText());
        node.put("unanswered", run.unanswered());
        if (run.metrics().has("batch_output")) {
            node.set("batch_output", run.metrics().get("batch_output"));
        }
        node.put("draft", run.draft());
        node.put("started", started(r));
        node.put("ended", r.endedAt() == null ? null : r.endedAt().toString());
        node.put("base_model", r.baseModel());
        node.put("judge_model", r.judgeModel());
        node.put("prompt_version", r.promptVersionId());
        node.put("dataset_sha256", r.datasetSha256());
        node.put("rows", run.rows());
        for (String metric : RunListing.HEADLINE) {
            OptionalDouble value = run.metric(metric);
            if (value.isPresent()) {
                node.put(metric, value.getAsDouble());
            } else {
                node.putNull(metric);
            }
        }
        node.put("scheme", r.scheme());
        for (String metric : RunListing.SCORE_HEADLINE) { // a scoring run's figures; a verdict run has none
            run.metric(metric).ifPresent(value -> node.put(metric, value));
        }
        if (run.metrics().has("win_rate_a")) { // a pairwise run's, null where undefined as its run printed them
            for (String metric : PAIR_FIGURES) {
                OptionalDouble value = run.metric(metric);
                if (value.isPresent()) {
                    node.put(metric, value.getAsDouble());
                } else {
                    node.putNull(metric);
                }
            }
            for (String count : List.of("a_wins", "b_wins", "ties", "inconsistent")) {
                node.put(count, run.metrics().path(count).asLong());
            }
        }
        for (String metric : RunListing.RELIABILITY_HEADLINE) { // a jury's or repeats', where the run had them
            run.metric(metric).ifPresent(value -> node.put(metric, value));
        }
        node.put("prompt_tokens", r.baseUsage().promptTokens() + r.judgeUsage().promptTokens());
        node.put(
                "completion_tokens",
                r.baseUsage().completionTokens() + r.judgeUsage().completionTokens());
        node.put("tokens", r.totalTokens());
        node.put("cached_tokens", run.cachedTokens()); // of the tokens, those answered from the cache: not paid
        node.put("cost_usd", r.costUsd()); // null when a price was unknown, never 0 for unknown
        node.put("arbiter_version", r.arbiterVersion()); // null for a run recorded before versions were
        return node;
    }

    /** Opens a project that must exist already, for reading: listing or comparing never creates or locks a file. */
    static Project openExisting(Path file) {
        return ProjectOpening.forReading(file);
    }

    private static String started(RunRecord r) {
        return (r.startedAt() != null ? r.startedAt() : r.createdAt()).toString();
    }

    private static String models(RunRecord r) {
        return r.baseModel() == null ? "-" : r.baseModel() + " / " + r.judgeModel();
    }

    static String percent(OptionalDouble value) {
        return value.isPresent() ? Proportion.percent(value.getAsDouble()) : "n/a";
    }

    static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
