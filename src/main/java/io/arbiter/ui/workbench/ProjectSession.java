package io.arbiter.ui.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.metrics.JudgeLoopMetrics;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunSummary;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the workbench reads from and writes to an open project file: the configuration it restores, and each run it
 * records. Every method does file I/O, so call them off the FX thread.
 */
final class ProjectSession {

    static final String PROVIDER_NAME = "workbench_provider";
    static final String DATASET_SHA = "workbench_dataset_sha256";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The dataset hashes already copied in, so a second run on the same rows hashes nothing. */
    private final Map<Dataset, String> copied = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    /** A run shown from the project: its rows and the figures over them. */
    record ShownRun(long runId, Dataset dataset, ColumnMapping mapping, List<RowResult> rows, JudgeLoopMetrics metrics) {
    }

    /** The configuration an opened project brings back; fields are null when the project never saved them. */
    record Restored(Project project, Dataset dataset, ColumnMapping mapping, PromptVersion prompts,
                    String providerName, String baseModel, String judgeModel, ShownRun latestRun) {
    }

    /** A run being recorded in the project. */
    record Recording(Project project, long runId, ProjectRunLedger ledger) {
    }

    Restored restore(Project project) {
        JsonNode options = project.runOptions();
        String sha = options.path(DATASET_SHA).asText(null);
        Optional<Dataset> dataset = sha == null ? Optional.empty() : project.dataset(sha);
        if (dataset.isEmpty()) {
            dataset = project.dataset();
            sha = project.datasetInfo().map(d -> d.sha256()).orElse(null);
        }
        if (dataset.isPresent() && sha != null) {
            copied.put(dataset.get(), sha);
        }
        var provider = project.provider();
        List<RunSummary> runs = project.runs();
        ShownRun latest = null;
        for (int i = runs.size() - 1; i >= 0 && latest == null && dataset.isPresent(); i--) {
            RunRecord record = runs.get(i).record();
            if (record.metricsJson() != null && sha != null && sha.equals(record.datasetSha256())) {
                latest = rowsOf(project, record.id(), dataset.get());
            }
        }
        return new Restored(project, dataset.orElse(null), project.mapping().orElse(null), project.prompts().orElse(null),
                options.path(PROVIDER_NAME).asText(provider.map(p -> p.name()).orElse(null)),
                provider.map(p -> p.baseModel()).orElse(null), provider.map(p -> p.judgeModel()).orElse(null), latest);
    }

    /** A run's rows over {@code dataset} when the run read it, else over the run's own dataset copy. */
    ShownRun show(Project project, long runId, Dataset current) {
        RunRecord record = project.store().runRecord(runId)
                .orElseThrow(() -> new IllegalArgumentException("The run " + runId + " is no longer in the project."));
        Dataset dataset = current != null && record.datasetSha256() != null
                && record.datasetSha256().equals(copied.get(current)) ? current
                : project.dataset(record.datasetSha256() == null ? "" : record.datasetSha256())
                .orElseThrow(() -> new IllegalArgumentException("The project has no copy of the dataset run "
                        + runId + " read."));
        copied.put(dataset, record.datasetSha256());
        return rowsOf(project, runId, dataset);
    }

    private static ShownRun rowsOf(Project project, long runId, Dataset dataset) {
        ColumnMapping mapping = project.mapping().orElse(null);
        List<RowResult> rows = project.rows(runId);
        return new ShownRun(runId, dataset, mapping, rows,
                JudgeLoopMetrics.of(rows.stream().map(RowResult::scored).toList()));
    }

    /** Saves what the workbench holds into a new project: dataset copy, mapping, prompts and provider name. */
    void saveConfiguration(Project project, Dataset rows, ColumnMapping mapping, String baseText, String judgeText,
                           String providerName) {
        ObjectNode options = MAPPER.createObjectNode();
        options.put(PROVIDER_NAME, providerName);
        if (rows != null) {
            options.put(DATASET_SHA, copy(project, rows));
        }
        if (mapping != null) {
            project.saveMapping(mapping);
        }
        if (baseText != null && judgeText != null) {
            project.savePrompts(baseText, judgeText);
        }
        project.saveRunOptions(options);
    }

    private String copy(Project project, Dataset rows) {
        String sha = copied.get(rows);
        if (sha == null) {
            try {
                sha = project.saveDataset(rows).sha256();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy the dataset into the project: " + e.getMessage(), e);
            }
            copied.put(rows, sha);
        } else if (project.dataset(sha).isEmpty()) {
            project.saveDataset(rows, rows.source() == null ? null : rows.source().toString(), sha);
        }
        return sha;
    }

    /**
     * Saves the configuration a run starts with (dataset copy, mapping, prompts as a version, provider without a
     * key) and creates the run with its description.
     */
    Recording begin(Project project, RunSpec spec, String providerName, String cacheIdentity, String mode) {
        String sha = copy(project, spec.dataset());
        project.saveMapping(spec.mapping());
        project.savePrompts(spec.prompts().base().text(), spec.prompts().judge().text());
        project.saveProvider(spec.provider());
        ObjectNode options = project.runOptions() instanceof ObjectNode o ? o.deepCopy() : MAPPER.createObjectNode();
        options.put(PROVIDER_NAME, providerName);
        options.put(DATASET_SHA, sha);
        options.put("mode", mode);
        project.saveRunOptions(options);
        long runId = project.store().createRun(specJson(spec, sha, cacheIdentity));
        project.describeRun(runId, spec, sha, mode);
        project.store().updateRunStatus(runId, "RUNNING");
        return new Recording(project, runId, new ProjectRunLedger(project.store(), runId));
    }

    void finish(Recording recording, RunOutcome outcome) {
        recording.project().finishRun(recording.runId(), outcome);
    }

    /** What defines the run's answers; names the key's variable, never the key. */
    private static String specJson(RunSpec spec, String sha, String provider) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("dataset", spec.dataset().name());
        json.put("dataset_sha256", sha);
        json.putPOJO("input_columns", spec.mapping().inputColumns());
        json.put("truth_column", spec.mapping().truthColumn());
        json.put("truth_separator", spec.mapping().truthSeparator());
        json.put("base_prompt", spec.prompts().base().text());
        json.put("judge_prompt", spec.prompts().judge().text());
        json.put("provider", provider);
        json.put("api_key_env", spec.provider().apiKeyEnv());
        json.put("base_model", spec.provider().baseModel());
        json.put("judge_model", spec.provider().judgeModel());
        json.put("temperature", spec.provider().temperature());
        json.put("max_tokens", spec.provider().maxTokens());
        return json.toString();
    }
}
