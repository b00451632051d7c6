package io.arbiter.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.export.RunProblemsJson;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowInterpreter;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.store.Opening;
import io.arbiter.core.store.ProjectFileException;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.RunRecord;
import io.arbiter.core.store.StoredDataset;
import io.arbiter.core.store.StoredResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A project file seen as the workbench sees it: the dataset copy, its configuration (mapping, prompts, provider
 * profile without a key), the runs with their metrics, and the human review. Every call writes through to the file
 * at once, so there is nothing to save and nothing lost on a crash. Thread-safe, as the store under it is.
 */
public final class Project implements AutoCloseable {

    static final String MAPPING = "column_mapping";
    static final String PROVIDER = "provider_profile";
    static final String PROMPTS = "current_prompt_version";
    static final String RUN_OPTIONS = "run_options";
    static final String CURRENT_DATASET = "current_dataset_sha256";

    private final ProjectStore store;

    private Project(ProjectStore store) {
        this.store = store;
    }

    /** Opens a project, creating it when the file does not exist; refuses other files, leaving them unchanged. */
    public static Project open(Path file) throws ProjectFileException {
        return new Project(ProjectStore.open(file));
    }

    /**
     * Opens a project as {@code opening} says: for writing (one process at a time, waiting or not) or for reading
     * alongside a writer; see {@link ProjectStore#open(Path, Opening)} for what is refused and why.
     */
    public static Project open(Path file, Opening opening) throws ProjectFileException {
        return new Project(ProjectStore.open(file, opening));
    }

    /** Opens an existing project for reading only: it may be in use by another process, or on read-only media. */
    public static Project openForReading(Path file) throws ProjectFileException {
        return open(file, Opening.forReading());
    }

    /** True when nothing can be written: opened for reading, or in a read-only folder or on read-only media. */
    public boolean readOnly() {
        return store.readOnly();
    }

    public ProjectStore store() {
        return store;
    }

    public Path file() {
        return store.file();
    }

    // The dataset copy

    /**
     * Copies the dataset in, named by the SHA-256 of its source file (or of its cells when it has none), and makes
     * it the current one.
     */
    public StoredDataset saveDataset(Dataset dataset) throws IOException {
        StoredDataset copy = copyDataset(dataset);
        useDataset(copy.sha256());
        return copy;
    }

    /** Copies the dataset in and makes it the current one. */
    public StoredDataset saveDataset(Dataset dataset, String sourcePath, String sha256) {
        StoredDataset copy = copyDataset(dataset, sourcePath, sha256);
        useDataset(sha256);
        return copy;
    }

    /** Copies the dataset in, named as by {@link #saveDataset(Dataset)}, leaving the current one as it is. */
    public StoredDataset copyDataset(Dataset dataset) throws IOException {
        Path source = dataset.source();
        String sha = source != null && Files.isRegularFile(source) ? sha256(source) : sha256Of(dataset);
        return copyDataset(
                dataset,
                source == null ? null : source.toAbsolutePath().normalize().toString(),
                sha);
    }

    /** Copies the dataset in (once per content), leaving the current one as it is; e.g. to keep a review of it. */
    public StoredDataset copyDataset(Dataset dataset, String sourcePath, String sha256) {
        List<String> rows = new ArrayList<>(dataset.size());
        String[] cells = new String[dataset.columns().size()];
        for (int r = 0; r < dataset.size(); r++) {
            for (int c = 0; c < cells.length; c++) {
                cells[c] = dataset.value(r, c);
            }
            rows.add(ProjectJson.cells(cells));
        }
        store.saveDataset(dataset.name(), sourcePath, sha256, ProjectJson.strings(dataset.columns()), rows);
        return store.dataset(sha256).orElseThrow();
    }

    /**
     * Makes a dataset copied in earlier the current one again, e.g. when the workbench saves or runs on rows the
     * project already holds.
     *
     * @throws IllegalArgumentException if the project has no copy with that hash
     */
    public void useDataset(String sha256) {
        if (store.dataset(sha256).isEmpty()) {
            throw new IllegalArgumentException(file() + " has no copy of the dataset " + sha256);
        }
        store.putSetting(CURRENT_DATASET, sha256);
    }

    /** The hash of the dataset made current by a save or a run; empty in files written before it was kept. */
    public Optional<String> currentDatasetSha() {
        return store.setting(CURRENT_DATASET);
    }

    /** The current dataset, the one the next run reads: the last saved or used, else the last copied in. */
    public Optional<StoredDataset> datasetInfo() {
        return currentDatasetSha().flatMap(store::dataset).or(store::latestDataset);
    }

    public Optional<Dataset> dataset() {
        return datasetInfo().map(this::load);
    }

    public Optional<Dataset> dataset(String sha256) {
        return store.dataset(sha256).map(this::load);
    }

    private Dataset load(StoredDataset stored) {
        List<String> columns = ProjectJson.strings(ProjectJson.read(stored.columnsJson()));
        List<String[]> rows = new ArrayList<>(stored.rowCount());
        for (String row : store.datasetRows(stored.id())) {
            rows.add(ProjectJson.strings(ProjectJson.read(row)).toArray(String[]::new));
        }
        return new Dataset(stored.name(), columns, rows);
    }

    // Configuration

    public void saveMapping(ColumnMapping mapping) {
        store.putSetting(MAPPING, ProjectJson.write(ProjectJson.mapping(mapping)));
    }

    public Optional<ColumnMapping> mapping() {
        return store.setting(MAPPING).map(json -> ProjectJson.mapping(ProjectJson.read(json)));
    }

    /** Saves the prompts as a version (one per distinct pair) and makes it the current one; returns its id. */
    public long savePrompts(String baseText, String judgeText) {
        long id = store.savePromptVersion(baseText, judgeText);
        store.putSetting(PROMPTS, Long.toString(id));
        return id;
    }

    public Optional<PromptVersion> prompts() {
        return store.setting(PROMPTS).flatMap(id -> promptVersion(Long.parseLong(id)));
    }

    public Optional<PromptVersion> promptVersion(long id) {
        return store.promptVersions().stream().filter(v -> v.id() == id).findFirst();
    }

    public List<PromptVersion> promptVersions() {
        return store.promptVersions();
    }

    /** Saves the profile: its URL, models and parameters, and the key's variable name. A profile holds no key. */
    public void saveProvider(ProviderProfile profile) {
        store.putSetting(PROVIDER, ProjectJson.write(ProjectJson.provider(profile)));
    }

    public Optional<ProviderProfile> provider() {
        return store.setting(PROVIDER).map(json -> ProjectJson.provider(ProjectJson.read(json)));
    }

    /** Free-form run options a headless re-run needs (e.g. the mode); a JSON object, empty when never saved. */
    public void saveRunOptions(JsonNode options) {
        store.putSetting(RUN_OPTIONS, ProjectJson.write(options));
    }

    public JsonNode runOptions() {
        return store.setting(RUN_OPTIONS).map(ProjectJson::read).orElseGet(ProjectJson.MAPPER::createObjectNode);
    }

    // Runs

    public List<RunSummary> runs() {
        return store.runRecords().stream().map(RunSummary::of).toList();
    }

    public Optional<RunSummary> run(long runId) {
        return store.runRecord(runId).map(RunSummary::of);
    }

    public void renameRun(long runId, String name) {
        store.renameRun(runId, name);
    }

    public void annotateRun(long runId, String note) {
        store.annotateRun(runId, note);
    }

    public void deleteRun(long runId) {
        store.deleteRun(runId);
    }

    /**
     * Records what a run is about to do: its prompts (as a version), models, parameters, mapping and dataset.
     * Call after the run exists in the store and before it starts sending.
     */
    public void describeRun(long runId, RunSpec spec, String datasetSha256, String mode) {
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
        // Rows in the judge prompt as worked examples: the judge has seen their answers, so they are not measured.
        spec.examples().forEach(example -> parameters.withArray("examples").add(example.row()));
        store.describeRun(
                runId,
                prompts,
                spec.provider().baseModel(),
                spec.provider().judgeModel(),
                ProjectJson.write(parameters),
                datasetSha256,
                spec.scheme().id());
    }

    /**
     * Records how a run ended, priced at the prices {@link #describeRun} recorded (no cost when they are unknown).
     * Answers served from the response cache were not sent, so only the sent tokens are priced.
     */
    public JudgeReport finishRun(long runId, RunOutcome outcome) {
        OptionalDouble cost = cost(
                runId,
                outcome.baseUsage().minus(outcome.cachedUsage(Stage.BASE)),
                outcome.judgeUsage().minus(outcome.cachedUsage(Stage.JUDGE)));
        return finishRun(runId, outcome, cost.isPresent() ? cost.getAsDouble() : null);
    }

    /**
     * What these tokens of the run cost in USD: base usage at the base model's prices and judge usage at the judge
     * model's, input and output apart, at the prices recorded when the run started. Empty when a price is unknown.
     */
    public OptionalDouble cost(long runId, Usage base, Usage judge) {
        RunRecord record = store.runRecord(runId)
                .orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + " in " + file()));
        JsonNode parameters = record.parametersJson() == null ? null : ProjectJson.read(record.parametersJson());
        return ProjectJson.prices(parameters == null ? null : parameters.get("prices"))
                .cost(base, judge);
    }

    /** Records how a run ended, with its headline metrics over its rows (ground truth only; human verdicts are not folded in yet). */
    public JudgeReport finishRun(long runId, RunOutcome outcome, Double costUsd) {
        JudgeReport report = scheme(runId)
                .figures(scope(runId).measured(outcome.rows()).stream()
                        .map(r -> RatedRow.of(r.scored()))
                        .toList());
        ObjectNode summary = MetricsJson.tree(report);
        // Kept with the figures computed at the end: the run's token totals include these, and the list tells them
        // apart, with no column of its own for a figure older runs never had.
        summary.put(
                RunSummary.CACHED_TOKENS,
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
     * A run's rows rebuilt from its stored responses, parsed with the labels of the dataset and mapping it ran on;
     * rows it never reached are pending. Empty when the project lacks the run's dataset copy (a format-1 run).
     */
    public List<RowResult> rows(long runId) {
        RunRecord record = store.runRecord(runId)
                .orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + " in " + file()));
        Optional<Dataset> dataset = record.datasetSha256() == null ? Optional.empty() : dataset(record.datasetSha256());
        if (dataset.isEmpty()) {
            return List.of();
        }
        ColumnMapping mapping = record.parametersJson() != null
                        && ProjectJson.read(record.parametersJson()).has("mapping")
                ? ProjectJson.mapping(ProjectJson.read(record.parametersJson()).get("mapping"))
                : mapping().orElseThrow();
        Dataset rows = dataset.get();
        RowInterpreter interpreter = new RowInterpreter(scheme(runId), LabelSet.fromTruth(rows, mapping));
        Map<Integer, StoredResponse> base = store.responses(runId, "BASE");
        Map<Integer, StoredResponse> judge = store.responses(runId, "JUDGE");
        List<RowResult> results = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            RowResult result = RowResult.pending(row, mapping.truthLabels(rows, row));
            if (mapping.judgeOnly()) {
                result = interpreter.existingAnswer(result, rows.value(row, mapping.answerColumn()));
            } else if (base.containsKey(row)) {
                result = interpreter.base(result, outcome(base.get(row)));
            }
            StoredResponse j = judge.get(row);
            if (j != null) {
                result = interpreter.judge(result, outcome(j));
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

    /** Two runs' rows compared: metric deltas, flipped verdicts and McNemar's test. */
    public RunComparison compare(long runA, long runB) {
        return RunComparison.of(measured(runA), measured(runB));
    }

    /** How a run read its dataset, as recorded when it started; empty for runs recorded without it. */
    public Optional<ColumnMapping> mapping(long runId) {
        return store.runRecord(runId)
                .map(RunRecord::parametersJson)
                .filter(java.util.Objects::nonNull)
                .map(ProjectJson::read)
                .filter(p -> p.has("mapping"))
                .map(p -> ProjectJson.mapping(p.get("mapping")));
    }

    /** The rows a run promoted into its judge prompt as worked examples; empty for runs recorded without. */
    public java.util.Set<Integer> examples(long runId) {
        java.util.Set<Integer> rows = new java.util.HashSet<>();
        store.runRecord(runId)
                .map(RunRecord::parametersJson)
                .filter(java.util.Objects::nonNull)
                .map(ProjectJson::read)
                .ifPresent(p -> p.path("examples").forEach(row -> rows.add(row.asInt())));
        return rows;
    }

    /** The rows a stored run's figures count: those it covered (a draft's selection), less its worked examples. */
    public RowScope scope(long runId) {
        List<Integer> selection = run(runId).map(RunSummary::selectedRows).orElse(List.of());
        return RowScope.of(selection, examples(runId));
    }

    /** How a stored run was graded; runs recorded before schemes were graded Correct/Incorrect. */
    public JudgeScheme scheme(long runId) {
        return store.runRecord(runId)
                .map(record -> JudgeSchemes.byId(record.scheme()))
                .orElse(JudgeSchemes.DEFAULT);
    }

    /** A run's rows that its figures count, as the results table's do. */
    public List<RowResult> measured(long runId) {
        return scope(runId).measured(rows(runId));
    }

    /** Everything the Compare view shows about two runs, read in one go. */
    public ComparedRuns compareRuns(long runA, long runB) {
        RunSummary a =
                run(runA).orElseThrow(() -> new IllegalArgumentException("There is no run " + runA + " in " + file()));
        RunSummary b =
                run(runB).orElseThrow(() -> new IllegalArgumentException("There is no run " + runB + " in " + file()));
        List<RowResult> rowsA = measured(runA);
        List<RowResult> rowsB = measured(runB);
        String sha = b.record().datasetSha256();
        Dataset dataset = sha == null ? null : dataset(sha).orElse(null);
        JsonNode parameters = b.record().parametersJson() == null
                ? null
                : ProjectJson.read(b.record().parametersJson());
        ColumnMapping mapping = parameters != null && parameters.has("mapping")
                ? ProjectJson.mapping(parameters.get("mapping"))
                : mapping().orElse(null);
        return new ComparedRuns(
                a,
                b,
                promptsOf(a),
                promptsOf(b),
                ComparedRuns.settingChanges(a, b),
                java.util.Objects.equals(a.record().datasetSha256(), sha),
                dataset,
                mapping,
                rowsA,
                rowsB,
                RunComparison.of(rowsA, rowsB),
                scheme(runB));
    }

    private PromptVersion promptsOf(RunSummary run) {
        Long id = run.record().promptVersionId();
        return id == null ? null : promptVersion(id).orElse(null);
    }

    // Human review, kept per dataset content so a re-imported file keeps its labels and another file does not

    public void saveVerdict(int row, HumanVerdict verdict) {
        saveVerdict(currentSha(), row, verdict);
    }

    /** Keeps a verdict on a row of the dataset copy {@code datasetSha256}. */
    public void saveVerdict(String datasetSha256, int row, HumanVerdict verdict) {
        store.putVerdict(datasetSha256, row, verdict);
    }

    public void removeVerdict(int row) {
        removeVerdict(currentSha(), row);
    }

    public void removeVerdict(String datasetSha256, int row) {
        store.removeVerdict(datasetSha256, row);
    }

    public Map<Integer, HumanVerdict> verdicts() {
        return datasetInfo().map(d -> verdicts(d.sha256())).orElse(Map.of());
    }

    public Map<Integer, HumanVerdict> verdicts(String datasetSha256) {
        return store.verdicts(datasetSha256);
    }

    public void setPromoted(int row, boolean promoted) {
        setPromoted(currentSha(), row, promoted);
    }

    public void setPromoted(String datasetSha256, int row, boolean promoted) {
        store.setPromoted(datasetSha256, row, promoted);
    }

    /** The promoted rows in the order they were promoted: the order their examples take in the prompt. */
    public List<Integer> promotedRows() {
        return datasetInfo().map(d -> promotedRows(d.sha256())).orElse(List.of());
    }

    public List<Integer> promotedRows(String datasetSha256) {
        return store.promotedRows(datasetSha256);
    }

    private String currentSha() {
        return datasetInfo()
                .map(StoredDataset::sha256)
                .orElseThrow(() -> new IllegalStateException("The project has no dataset yet"));
    }

    // Hashing

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256Of(Dataset dataset) {
        MessageDigest digest = digest();
        digest.update(ProjectJson.strings(dataset.columns()).getBytes(StandardCharsets.UTF_8));
        String[] cells = new String[dataset.columns().size()];
        for (int r = 0; r < dataset.size(); r++) {
            for (int c = 0; c < cells.length; c++) {
                cells[c] = dataset.value(r, c);
            }
            digest.update(ProjectJson.cells(cells).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
