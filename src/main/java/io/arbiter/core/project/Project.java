package io.arbiter.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.store.Opening;
import io.arbiter.core.store.ProjectFileException;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.StoredDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project file seen as the workbench sees it: the dataset copy, its configuration (mapping, prompts, provider
 * profile without a key), the runs with their metrics, and the human review. Every call writes through to the file
 * at once, so there is nothing to save and nothing lost on a crash. Thread-safe, as the store under it is.
 *
 * <p>The one object callers hold: each part lives in its own class ({@link DatasetCopies}, {@link
 * ProjectConfiguration}, {@link RunHistory}, {@link HumanReview}, {@link RunPair#read}) and this passes each
 * call on. It runs over 300 lines only because it is that facade: some fifty calls of a few lines each.
 */
public final class Project implements AutoCloseable {

    private final ProjectStore store;
    private final DatasetCopies datasets;
    private final ProjectConfiguration configuration;
    private final RunHistory history;
    private final HumanReview review;

    private Project(ProjectStore store) {
        this.store = store;
        this.datasets = new DatasetCopies(store);
        this.configuration = new ProjectConfiguration(store);
        this.history = new RunHistory(store, datasets, configuration);
        this.review = new HumanReview(store, datasets);
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

    /** Copies the dataset in, named by the SHA-256 of its source file (or its cells), and makes it current. */
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
        return datasets.copy(dataset);
    }

    /** Copies the dataset in (once per content), leaving the current one as it is; e.g. to keep a review of it. */
    public StoredDataset copyDataset(Dataset dataset, String sourcePath, String sha256) {
        return datasets.copy(dataset, sourcePath, sha256);
    }

    /** Makes a copy made earlier current again (a save or run on rows the project holds); refuses unknown hashes. */
    public void useDataset(String sha256) {
        datasets.use(sha256);
    }

    /** The hash of the dataset made current by a save or a run; empty in files written before it was kept. */
    public Optional<String> currentDatasetSha() {
        return datasets.currentSha();
    }

    /** The current dataset, the one the next run reads: the last saved or used, else the last copied in. */
    public Optional<StoredDataset> datasetInfo() {
        return datasets.current();
    }

    public Optional<Dataset> dataset() {
        return datasets.current().map(datasets::load);
    }

    public Optional<Dataset> dataset(String sha256) {
        return datasets.dataset(sha256);
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        return DatasetCopies.sha256(file);
    }

    // Configuration

    public void saveMapping(ColumnMapping mapping) {
        configuration.saveMapping(mapping);
    }

    public Optional<ColumnMapping> mapping() {
        return configuration.mapping();
    }

    /** Keeps the scheme the next run grades with. */
    public void saveScheme(JudgeScheme scheme) {
        configuration.saveScheme(scheme);
    }

    /** Keeps what answers B in the next pairwise run that generates both answers; empty when it does not. */
    public void saveSecondBase(Optional<SecondBase> second) {
        configuration.saveSecondBase(second);
    }

    /** What answered B in the last configuration, if it generated a pair. */
    public Optional<SecondBase> secondBase() {
        return configuration.secondBase();
    }

    /** Keeps who judges the next run (jurors beside the provider's judge model, repeats, label shuffling). */
    public void savePanel(JudgePanel panel) {
        configuration.savePanel(panel);
    }

    /** Who judges the next run; empty when the project never kept a panel (one saved before juries). */
    public Optional<JudgePanel> panel() {
        return configuration.panel();
    }

    /** The scheme the last configuration graded with; empty when none was kept. */
    public Optional<JudgeScheme> currentScheme() {
        return configuration.scheme();
    }

    /** The rows held out to check worked examples: the kept split, else one drawn now and kept. */
    public HeldOutSplit heldOutSplit() {
        return configuration.heldOutSplit();
    }

    /** Keeps the share of rows held out (0 holds none out), with the project's seed; returns the split. */
    public HeldOutSplit saveHeldOutShare(double share) {
        return configuration.saveHeldOutShare(share);
    }

    /** Saves the prompts as a version (one per distinct pair) and makes it the current one; returns its id. */
    public long savePrompts(String baseText, String judgeText) {
        return configuration.savePrompts(baseText, judgeText);
    }

    public Optional<PromptVersion> prompts() {
        return configuration.prompts();
    }

    public Optional<PromptVersion> promptVersion(long id) {
        return configuration.promptVersion(id);
    }

    public List<PromptVersion> promptVersions() {
        return configuration.promptVersions();
    }

    /** Saves the profile: its URL, models and parameters, and the key's variable name. A profile holds no key. */
    public void saveProvider(ProviderProfile profile) {
        configuration.saveProvider(profile);
    }

    public Optional<ProviderProfile> provider() {
        return configuration.provider();
    }

    /** Free-form run options a headless re-run needs (e.g. the mode); a JSON object, empty when never saved. */
    public void saveRunOptions(JsonNode options) {
        configuration.saveRunOptions(options);
    }

    public JsonNode runOptions() {
        return configuration.runOptions();
    }

    // Runs

    public List<RunListing> runs() {
        return history.runs();
    }

    public Optional<RunListing> run(long runId) {
        return history.run(runId);
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

    /** Records what a run is about to do: prompts, models, parameters, mapping, dataset and scheme. */
    public void describeRun(long runId, RunSpec spec, String datasetSha256, String mode) {
        history.describe(runId, spec, datasetSha256, mode);
    }

    /**
     * Records how a run ended, priced for the tokens it sent (not those from the cache) at the prices it started with:
     * its provider's, and a juror's own provider's for its votes; the Batch API's share of them for a batch run.
     */
    public JudgeReport finishRun(long runId, RunOutcome outcome) {
        return history.finish(runId, outcome);
    }

    /** Records how a run ended, with its headline metrics over its rows (ground truth only, not human verdicts). */
    public JudgeReport finishRun(long runId, RunOutcome outcome, Double costUsd) {
        return history.finish(runId, outcome, costUsd);
    }

    /** A run's rows rebuilt from its stored responses (pending where it never reached); empty without its dataset. */
    public List<RowResult> rows(long runId) {
        return history.rows(runId);
    }

    /** How a run read its dataset, as recorded when it started; empty for runs recorded without it. */
    public Optional<ColumnMapping> mapping(long runId) {
        return history.mapping(runId);
    }

    /** The rows a run promoted into its judge prompt as worked examples; empty for runs recorded without. */
    public Set<Integer> examples(long runId) {
        return history.examples(runId);
    }

    /** The rows a stored run's figures count: those it covered (a draft's selection), less its worked examples. */
    public RowScope scope(long runId) {
        return history.scope(runId);
    }

    /** How a stored run was graded; runs recorded before schemes were graded Correct/Incorrect. */
    public JudgeScheme scheme(long runId) {
        return history.scheme(runId);
    }

    /** A run's rows that its figures count, as the results table's do. */
    public List<RowResult> measured(long runId) {
        return history.measured(runId);
    }

    // Comparison

    /** Two runs' rows compared: metric deltas, flipped verdicts and McNemar's test. */
    public PairedFigures compare(long runA, long runB) {
        return PairedFigures.of(measured(runA), ratings(runA), measured(runB), ratings(runB));
    }

    /**
     * Whether run B helps the judge on the example rows but not on the held-out ones, over every row of both runs
     * and this project's split; empty when the split holds nothing out.
     */
    public Optional<HeldOutChange> heldOutChange(long runA, long runB) {
        HeldOutSplit split = heldOutSplit();
        return split.holdsOut()
                ? Optional.of(HeldOutChange.of(rows(runA), ratings(runA), rows(runB), ratings(runB), split))
                : Optional.empty();
    }

    /** What people said about a run's rows, from its dataset copy's human columns, rated by the run's scheme. */
    public RowRatings ratings(long runId) {
        return history.ratings(runId);
    }

    /** How far a run's judge can be trusted: its repeats, its jury and the bias probes (docs/STATISTICS.md). */
    public JudgeReliability reliability(long runId) {
        return history.reliability(runId);
    }

    /** Who judged a stored run and at what price: what its reliability figures are computed with. */
    public JudgeSetup judgeSetup(long runId) {
        return history.judgeSetup(runId);
    }

    /** Everything the Compare view shows about two runs, read in one go. */
    public RunPair compareRuns(long runA, long runB) {
        return RunPair.read(this, runA, runB);
    }

    // Human review, kept per dataset content so a re-imported file keeps its labels and another file does not

    public void saveVerdict(int row, HumanVerdict verdict) {
        review.saveVerdict(row, verdict);
    }

    /** Keeps a verdict on a row of the dataset copy {@code datasetSha256}. */
    public void saveVerdict(String datasetSha256, int row, HumanVerdict verdict) {
        review.saveVerdict(datasetSha256, row, verdict);
    }

    public void removeVerdict(int row) {
        review.removeVerdict(row);
    }

    public void removeVerdict(String datasetSha256, int row) {
        review.removeVerdict(datasetSha256, row);
    }

    public Map<Integer, HumanVerdict> verdicts() {
        return review.verdicts();
    }

    public Map<Integer, HumanVerdict> verdicts(String datasetSha256) {
        return review.verdicts(datasetSha256);
    }

    public void setPromoted(int row, boolean promoted) {
        review.setPromoted(row, promoted);
    }

    public void setPromoted(String datasetSha256, int row, boolean promoted) {
        review.setPromoted(datasetSha256, row, promoted);
    }

    /** The promoted rows in the order they were promoted: the order their examples take in the prompt. */
    public List<Integer> promotedRows() {
        return review.promotedRows();
    }

    public List<Integer> promotedRows(String datasetSha256) {
        return review.promotedRows(datasetSha256);
    }

    @Override
    public void close() {
        store.close();
    }
}
