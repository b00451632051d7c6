package io.arbiter.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.export.HeldOutJson;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.export.ReliabilityJson;
import io.arbiter.core.export.RunProblemsJson;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.JurorPrices;
import io.arbiter.core.run.RowInterpreter;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.store.RunRecord;
import io.arbiter.core.store.StoredResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A project's runs as recorded: what each was about to do (prompts, models, parameters, mapping, dataset, scheme),
 * how it ended and what it cost, and its rows read back from the stored responses with the scope and scheme it ran
 * with. The parameters JSON written by {@link #describe} is the one the readers here parse.
 */
final class RunHistory {

    /** Each juror's prices in a run's parameters, in juror order; null for a juror on the run's own provider. */
    private static final String JUROR_PRICES = "juror_prices";

    private final ProjectStore store;
    private final DatasetCopies datasets;
    private final ProjectConfiguration configuration;

    RunHistory(ProjectStore store, DatasetCopies datasets, ProjectConfiguration configuration) {
        this.store = store;
        this.datasets = datasets;
        this.configuration = configuration;
    }

    List<RunListing> runs() {
        return store.runRecords().stream().map(RunListing::of).toList();
    }

    Optional<RunListing> run(long runId) {
        return store.runRecord(runId).map(RunListing::of);
    }

    /** Call after the run exists in the store and before it starts sending. */
    void describe(long runId, RunSpec spec, String datasetSha256, String mode) {
        long prompts = store.savePromptVersion(
                spec.prompts().base().text(), spec.prompts().judge().text());
        ObjectNode parameters = ProjectJson.MAPPER.createObjectNode();
        parameters.put("temperature", spec.provider().temperature());
        parameters.put("max_tokens", spec.provider().maxTokens());
        parameters.put("mode", mode);
        parameters.put("base_url", spec.provider().baseUrl());
        parameters.put("api_key_env", spec.provider().apiKeyEnv());
        parameters.set("mapping", ProjectJson.mapping(spec.mapping()));
        if (spec.selected()) {
            // A draft on a few rows: marked so the Runs list and `arbiter runs --json` never pass it off as whole.
            parameters.put("draft", true);
            parameters.put("draft_rows", spec.selection().size());
            spec.selection().forEach(parameters.putArray("selected_rows")::add);
        }
        // The prices when it ran, so the run is priced at them however the profile's prices change later.
        parameters.set("prices", ProjectJson.prices(spec.provider().prices()));
        // The same for jurors on providers of their own, whose votes those providers bill; null for the run's own.
        JurorPrices prices = JurorPrices.of(spec);
        if (!prices.own().isEmpty()) {
            ArrayNode jurors = parameters.putArray(JUROR_PRICES);
            prices.own().forEach(p -> jurors.add(p == null ? null : ProjectJson.prices(p)));
        }
        // Rows in the judge prompt as worked examples: the judge has seen their answers, so they are not measured.
        spec.examples().forEach(example -> parameters.withArray("examples").add(example.row()));
        store.describeRun(
                runId,
                prompts,
                spec.provider().baseModel(),
                spec.provider().judgeModel(),
                ProjectJson.write(parameters),
                datasetSha256,
                spec.scheme().setting());
    }

    /**
     * Priced at the run's {@link #prices}, each juror's votes at its own; answers served from the response cache were
     * not sent, so they cost nothing. Null when a price is unknown.
     */
    JudgeReport finish(long runId, RunOutcome outcome) {
        OptionalDouble cost = prices(parameters(record(runId)))
                .cost(
                        outcome.baseUsage().minus(outcome.cachedUsage(Stage.BASE)),
                        outcome.judgeUsage().minus(outcome.cachedUsage(Stage.JUDGE)),
                        outcome::paidUsage);
        return finish(runId, outcome, cost.isPresent() ? cost.getAsDouble() : null);
    }

    /**
     * The prices recorded when the run started: the base model's and the judge model's, input and output apart, and
     * a juror's own provider's for its votes; at the Batch API's share of them for a batch run, as its estimate said.
     * A run recorded before jurors' prices were kept prices every juror at the judge model's, as it was then.
     */
    private static JurorPrices prices(JsonNode parameters) {
        TokenPrices run = ProjectJson.prices(parameters == null ? null : parameters.get("prices"));
        List<TokenPrices> own = new ArrayList<>();
        if (parameters != null) {
            parameters.path(JUROR_PRICES).forEach(p -> own.add(p.isObject() ? ProjectJson.prices(p) : null));
        }
        JurorPrices prices = new JurorPrices(run, own);
        return batch(parameters) ? prices.times(TokenPrices.BATCH_SHARE) : prices;
    }

    private static boolean batch(JsonNode parameters) {
        return parameters != null
                && RunMode.BATCH.id().equals(parameters.path("mode").asText(null));
    }

    /** How far the run's judge can be trusted: repeats, jury and bias probes over its measured rows as they stand. */
    JudgeReliability reliability(long runId) {
        List<RowResult> measured = measured(runId);
        return reliability(runId, measured, ratings(runId).rateAll(measured));
    }

    private JudgeReliability reliability(long runId, List<RowResult> measured, List<RatedRow> rated) {
        return JudgeReliability.of(judgeSetup(runId), measured, rated);
    }

    /** Who judged the run and at what price, as it was described when it started. */
    JudgeSetup judgeSetup(long runId) {
        RunRecord record = record(runId);
        JsonNode parameters = parameters(record);
        boolean judgeOnly = mapping(record).map(ColumnMapping::judgeOnly).orElse(false);
        return new JudgeSetup(
                RunSpecJson.jurors(record.specJson(), record.judgeModel()),
                judgeOnly ? null : record.baseModel(),
                RunSpecJson.panel(record.specJson()),
                prices(parameters));
    }

    /**
     * The dataset's human columns and the reviews kept so far are in the figures with the ground truth, as the
     * workbench counts them when it shows the run; a review given later changes what the workbench shows, not these.
     */
    JudgeReport finish(long runId, RunOutcome outcome, Double costUsd) {
        List<RowResult> measured = scope(runId).measured(outcome.rows());
        List<RatedRow> rated = ratings(runId).rateAll(measured);
        JudgeReport report = scheme(runId).figures(rated);
        ObjectNode summary = MetricsJson.tree(report);
        ReliabilityJson.put(summary, reliability(runId, measured, rated));
        // Over every row of the run: the worked examples are what the example side of the split is about.
        ratings(runId)
                .heldOut(outcome.rows(), configuration.heldOutSplit())
                .ifPresent(f -> HeldOutJson.put(summary, f));
        // Kept with the figures computed at the end: the run's token totals include these, and the list tells them
        // apart, with no column of its own for a figure older runs never had.
        summary.put(
                RunListing.CACHED_TOKENS,
                outcome.cachedUsage(Stage.BASE)
                        .plus(outcome.cachedUsage(Stage.JUDGE))
                        .total());
        RunProblemsJson.put(summary, outcome); // "completed with N rows unanswered" in the Runs list
        store.finishRun(
                runId,
                outcome.status().name(),
                outcome.baseUsage(),
                outcome.judgeUsage(),
                costUsd,
                ProjectJson.write(summary));
        return report;
    }

    /**
     * Parsed with the labels of the dataset and mapping the run read; rows it never reached are pending. Empty when
     * the project lacks the run's dataset copy (a format-1 run).
     */
    List<RowResult> rows(long runId) {
        RunRecord record = record(runId);
        Optional<Dataset> dataset =
                record.datasetSha256() == null ? Optional.empty() : datasets.dataset(record.datasetSha256());
        if (dataset.isEmpty()) {
            return List.of();
        }
        ColumnMapping mapping = mapping(record).or(configuration::mapping).orElseThrow();
        Dataset rows = dataset.get();
        JudgeScheme scheme = scheme(runId);
        RowInterpreter interpreter = new RowInterpreter(scheme, LabelSet.fromTruth(rows, mapping), mapping.task());
        boolean swapped = scheme instanceof PairwiseScheme pairs && pairs.bothOrders();
        JudgePanel panel = RunSpecJson.panel(record.specJson());
        Map<Stage, Map<Integer, StoredResponse>> stored = new HashMap<>();
        List<RowResult> results = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            List<String> truth = mapping.truthLabels(rows, row);
            RowResult result = scheme.pairs()
                    ? RowResult.pendingPair(row, truth, swapped)
                    : panel.single() ? RowResult.pending(row, truth) : RowResult.pendingVotes(row, truth, panel);
            if (mapping.judgeOnly()) {
                result = interpreter.existingAnswer(result, rows.value(row, mapping.answerColumn()));
                if (result.paired()) {
                    result = interpreter.existingAnswerB(
                            result, mapping.judgeColumns().answerB(rows, row));
                }
            }
            for (Stage stage : result.stages()) {
                StoredResponse response = stored.computeIfAbsent(stage, st -> store.responses(runId, st))
                        .get(row);
                if (response != null && !(mapping.judgeOnly() && !stage.judges())) {
                    result = interpreter.apply(stage, result, outcome(response));
                }
            }
            results.add(result.settled());
        }
        return results;
    }

    /** A stored response as the row shows it: answer and reasoning, or the error with the reply that caused it. */
    private static StageOutcome outcome(StoredResponse r) {
        return r.answered()
                ? new StageOutcome(r.text(), null, r.usage(), false, r.reasoning(), null)
                : new StageOutcome(null, r.error(), r.usage(), false, null, r.rawBody());
    }

    /**
     * What people said about the run's rows: the reviews kept for its dataset copy, each on the answer it was given
     * on, before its dataset's human columns; nothing without its dataset copy.
     */
    RowRatings ratings(long runId) {
        RunRecord record = record(runId);
        Optional<Dataset> dataset =
                record.datasetSha256() == null ? Optional.empty() : datasets.dataset(record.datasetSha256());
        Optional<ColumnMapping> mapping = mapping(record).or(configuration::mapping);
        if (dataset.isEmpty() || mapping.isEmpty()) {
            return new RowRatings(
                    scheme(runId), new Dataset("none", List.of(), List.of()), new ColumnMapping(List.of(), null, ""));
        }
        return new RowRatings(scheme(runId), dataset.get(), mapping.get(), store.verdicts(record.datasetSha256()));
    }

    Optional<ColumnMapping> mapping(long runId) {
        return store.runRecord(runId).flatMap(RunHistory::mapping);
    }

    Set<Integer> examples(long runId) {
        Set<Integer> rows = new HashSet<>();
        store.runRecord(runId).map(RunHistory::parameters).ifPresent(p -> p.path("examples")
                .forEach(row -> rows.add(row.asInt())));
        return rows;
    }

    /** The rows it covered (a draft's selection), less its worked examples. */
    RowScope scope(long runId) {
        List<Integer> selection = run(runId).map(RunListing::selectedRows).orElse(List.of());
        return RowScope.of(selection, examples(runId));
    }

    /** Runs recorded before schemes were graded Correct/Incorrect. */
    JudgeScheme scheme(long runId) {
        return store.runRecord(runId)
                .map(record -> JudgeSchemes.byId(record.scheme()))
                .orElse(JudgeSchemes.DEFAULT);
    }

    List<RowResult> measured(long runId) {
        return scope(runId).measured(rows(runId));
    }

    private RunRecord record(long runId) {
        return store.runRecord(runId)
                .orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + " in " + store.file()));
    }

    private static Optional<ColumnMapping> mapping(RunRecord record) {
        return Optional.ofNullable(parameters(record))
                .filter(p -> p.has("mapping"))
                .map(p -> ProjectJson.mapping(p.get("mapping")));
    }

    /** The parameters {@link #describe} recorded; null for a run that was never described. */
    private static JsonNode parameters(RunRecord record) {
        return record.parametersJson() == null ? null : ProjectJson.read(record.parametersJson());
    }
}
