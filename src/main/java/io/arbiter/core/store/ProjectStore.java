package io.arbiter.core.store;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project file: one SQLite database in WAL mode holding a copy of the dataset, the configuration (column
 * mapping, provider profile, prompt versions), runs with every response as it arrived, human verdicts, the response
 * cache and the batch ledger. It holds no API key and has no column for one: a provider is stored with the name of
 * the environment variable its key is read from.
 *
 * <p>This class is the facade the rest of Arbiter holds: it opens and closes the file and hands each call to the
 * class that owns it, so callers keep one object to pass around while each part stays small. The parts: the open
 * file ({@link ProjectFile}) with its single writer ({@link GroupCommitWriter}), and one class per table or table
 * group, reachable here too: {@link RunTable}, {@link ResponseTable}, {@link ResponseCacheTable},
 * {@link BatchShardTable}, {@link DatasetTable}, {@link SettingTable}, {@link PromptVersionTable},
 * {@link ReviewTable}. It is over 300 lines for that reason alone: each public method stays a one-line delegation
 * until its callers use the tables.
 *
 * <p>Writes come from many worker threads at once. They all go through one writer thread that takes whatever
 * is queued, writes it in one transaction and commits ("group commit"), and only then returns to each caller:
 * a response that {@link #recordResponse} has returned for is in the file, and many callers share a commit.
 * Reads use a second connection, which WAL lets run alongside the writer. All methods are thread-safe.
 *
 * <p>Open for writing, the store holds the project's {@link ProjectLock} (one process per project), checked the file
 * with SQLite's integrity check before writing to it, and backs it up ({@link ProjectBackup}) when it closes having
 * changed it; open for reading it takes no lock and refuses every write ({@link #readOnly}).
 */
public final class ProjectStore implements ResponseCache, AutoCloseable {

    private final ProjectFile project;
    private final RunTable runTable;
    private final ResponseTable responseTable;
    private final ResponseCacheTable cacheTable;
    private final BatchShardTable shardTable;
    private final DatasetTable datasetTable;
    private final SettingTable settingTable;
    private final PromptVersionTable promptTable;
    private final ReviewTable reviewTable;

    /** Open for writing: migrates the file, then starts the writer thread. */
    ProjectStore(Path file, Clock clock, ProjectLock lock) throws SQLException {
        this(new ProjectFile(file, clock, lock));
    }

    /** Open for reading only: one read-only connection, no writer, no lock. */
    ProjectStore(Path file, Clock clock, boolean immutable, String readOnlyReason) throws SQLException {
        this(new ProjectFile(file, clock, immutable, readOnlyReason));
    }

    private ProjectStore(ProjectFile project) {
        this.project = project;
        this.runTable = new RunTable(project);
        this.responseTable = new ResponseTable(project);
        this.cacheTable = new ResponseCacheTable(project);
        this.shardTable = new BatchShardTable(project);
        this.datasetTable = new DatasetTable(project);
        this.settingTable = new SettingTable(project);
        this.promptTable = new PromptVersionTable(project);
        this.reviewTable = new ReviewTable(project);
    }

    // Opening

    /** Opens a project file for writing, creating it when it does not exist, and brings its schema up to date. */
    public static ProjectStore open(Path file) throws ProjectFileException {
        return open(file, Clock.systemUTC());
    }

    static ProjectStore open(Path file, Clock clock) throws ProjectFileException {
        return open(file, Opening.forWriting("Arbiter"), clock);
    }

    /**
     * Opens a project as {@code opening} says. For writing: refuses another program's file, takes the project's lock
     * (or waits for it), checks the file with SQLite's integrity check before anything writes to it, backs it up
     * before a migration, and refuses a read-only folder. For reading: no lock and no write, alongside a writer.
     *
     * @throws ProjectInUseException     another process holds it open for writing
     * @throws ProjectDamagedException   SQLite finds it damaged (the message names the backup to restore)
     * @throws ProjectReadOnlyException  to write, but it is in a read-only folder or on read-only media
     */
    public static ProjectStore open(Path file, Opening opening) throws ProjectFileException {
        return open(file, opening, Clock.systemUTC());
    }

    static ProjectStore open(Path file, Opening opening, Clock clock) throws ProjectFileException {
        return ProjectOpener.open(file, opening, clock);
    }

    // The tables

    public RunTable runTable() {
        return runTable;
    }

    public ResponseTable responseTable() {
        return responseTable;
    }

    public ResponseCacheTable cacheTable() {
        return cacheTable;
    }

    public BatchShardTable shardTable() {
        return shardTable;
    }

    public DatasetTable datasetTable() {
        return datasetTable;
    }

    public SettingTable settingTable() {
        return settingTable;
    }

    public PromptVersionTable promptTable() {
        return promptTable;
    }

    public ReviewTable reviewTable() {
        return reviewTable;
    }

    // The file

    public Path file() {
        return project.path();
    }

    /** The project format version of the open file. */
    public int schemaVersion() {
        return project.schemaVersion();
    }

    /** True when the project was opened for reading only, or where nothing can be written. */
    public boolean readOnly() {
        return project.readOnly();
    }

    /** Writes a consistent copy of the whole project to {@code target} (replaced if it exists), writes going on. */
    public void copyTo(Path target) throws IOException {
        project.copyTo(target);
    }

    /**
     * Writes a backup of the project beside it now ({@link ProjectBackup}); false when it could not (then the
     * backups there are as they were). For an explicit save; closing a project that changed backs it up too.
     */
    public boolean backUp() {
        return project.backUp();
    }

    /** Finishes every queued write, backs the project up if it changed, releases its lock and closes the file. */
    @Override
    public void close() {
        project.close();
    }

    /** For tests of a full disk: caps the file at its size now plus {@code morePages}, or lifts the cap if negative. */
    long capPages(long morePages) {
        return project.capPages(morePages);
    }

    // Runs (RunTable)

    /** Records a new run; {@code specJson} must name key variables only, never hold a key. */
    public long createRun(String specJson) {
        return createRun(specJson, null);
    }

    /** Records a new run made by the Arbiter {@code arbiterVersion} ("0.1.0+0a6c8f167b"; null when not known). */
    public long createRun(String specJson, String arbiterVersion) {
        return runTable.create(specJson, arbiterVersion);
    }

    public void updateRunStatus(long runId, String status) {
        runTable.updateStatus(runId, status);
    }

    /** The run's record, with what format 2 added; null fields where a format-1 run knew nothing. */
    public List<RunRecord> runRecords() {
        return runTable.records();
    }

    public Optional<RunRecord> runRecord(long runId) {
        return runTable.record(runId);
    }

    /**
     * Records what a run is about to do and the scheme that grades it (its setting, see JudgeScheme.setting); {@code startedAt} is set the first
     * time only, so a resume keeps it.
     */
    public void describeRun(
            long runId,
            Long promptVersionId,
            String baseModel,
            String judgeModel,
            String parametersJson,
            String datasetSha256,
            String scheme) {
        runTable.describe(runId, promptVersionId, baseModel, judgeModel, parametersJson, datasetSha256, scheme);
    }

    /** Records how a run ended: its status, tokens per stage, cost when known and its headline metrics. */
    public void finishRun(long runId, String status, Usage base, Usage judge, Double costUsd, String metricsJson) {
        runTable.finish(runId, status, base, judge, costUsd, metricsJson);
    }

    public void renameRun(long runId, String name) {
        runTable.rename(runId, name);
    }

    public void annotateRun(long runId, String note) {
        runTable.annotate(runId, note);
    }

    /** Deletes a run with its responses and batch ledger; the response cache keeps what was paid for. */
    public void deleteRun(long runId) {
        runTable.delete(runId);
    }

    // The dataset copy (DatasetTable)

    /** Copies a dataset in unless the same content is there already; returns the copy's id. */
    public long saveDataset(String name, String sourcePath, String sha256, String columnsJson, List<String> rowsJson) {
        return datasetTable.save(name, sourcePath, sha256, columnsJson, rowsJson);
    }

    /** The copy of the dataset with this content, if the file has one. */
    public Optional<StoredDataset> dataset(String sha256) {
        return datasetTable.withContent(sha256);
    }

    /** The dataset copied in last. */
    public Optional<StoredDataset> latestDataset() {
        return datasetTable.latest();
    }

    /** The copy's rows in order, each a JSON array of cells. */
    public List<String> datasetRows(long datasetId) {
        return datasetTable.rows(datasetId);
    }

    // Settings (SettingTable): the column mapping, the provider profile (no key), the current prompts

    public void putSetting(String key, String value) {
        settingTable.put(key, value);
    }

    public Optional<String> setting(String key) {
        return settingTable.get(key);
    }

    // Prompt versions (PromptVersionTable)

    /** Saves a prompt pair unless the same pair is saved already; returns its version id either way. */
    public long savePromptVersion(String baseText, String judgeText) {
        return promptTable.save(baseText, judgeText);
    }

    public List<PromptVersion> promptVersions() {
        return promptTable.versions();
    }

    // Human verdicts and promoted rows, per dataset content (ReviewTable)

    public void putVerdict(String datasetSha256, int row, HumanVerdict verdict) {
        reviewTable.putVerdict(datasetSha256, row, verdict);
    }

    public void removeVerdict(String datasetSha256, int row) {
        reviewTable.removeVerdict(datasetSha256, row);
    }

    public Map<Integer, HumanVerdict> verdicts(String datasetSha256) {
        return reviewTable.verdicts(datasetSha256);
    }

    public void setPromoted(String datasetSha256, int row, boolean promoted) {
        reviewTable.setPromoted(datasetSha256, row, promoted);
    }

    /** In the order promoted (a row taken back and promoted again goes last), as the examples appear in the prompt. */
    public List<Integer> promotedRows(String datasetSha256) {
        return reviewTable.promotedRows(datasetSha256);
    }

    // Responses (ResponseTable)

    /** Writes one response, replacing an earlier one for the same run, stage and row; returns once it is in the file. */
    public void recordResponse(StoredResponse response) {
        responseTable.record(response);
    }

    /** Writes many responses in one transaction: for a downloaded batch output file. */
    public void recordResponses(Collection<StoredResponse> responses) {
        responseTable.recordAll(responses);
    }

    /** Every stored response of one stage of a run, by row. */
    public Map<Integer, StoredResponse> responses(long runId, Stage stage) {
        return responseTable.responses(runId, stage);
    }

    /** How many of a run's stored responses are answers, over every stage and vote. */
    public long answeredResponses(long runId) {
        return responseTable.answered(runId);
    }

    // Response cache (ResponseCacheTable)

    @Override
    public Optional<ChatReply> cached(String requestKey) {
        return cacheTable.cached(requestKey);
    }

    @Override
    public void cache(String requestKey, ChatReply reply) {
        cacheTable.cache(requestKey, reply);
    }

    /** Queues the reply for the cache and returns at once; a failure costs only a later cache miss. */
    @Override
    public void cacheSoon(String requestKey, ChatReply reply) {
        cacheTable.cacheSoon(requestKey, reply);
    }

    // Batch ledger (BatchShardTable)

    /** Adds a shard to the ledger or replaces what it knew of it. */
    public void upsertShard(BatchShard shard) {
        shardTable.upsert(shard);
    }

    /** The run's shards, by stage then shard number. */
    public List<BatchShard> shards(long runId) {
        return shardTable.shards(runId);
    }
}
