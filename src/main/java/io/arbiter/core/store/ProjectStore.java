package io.arbiter.core.store;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.review.HumanVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The project file: one SQLite database in WAL mode holding a copy of the dataset, the configuration (column
 * mapping, provider profile, prompt versions), runs with every response as it arrived, human verdicts, the response
 * cache and the batch ledger. It holds no API key and has no column for one: a provider is stored with the name of
 * the environment variable its key is read from.
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

    private static final int MAX_GROUP = 4096;
    private static final Logger LOG = Logger.getLogger(ProjectStore.class.getName());

    private final Path file;
    private final Clock clock;
    private final Connection reader;
    private final Connection writerConnection; // null when the project is open for reading only
    private final ProjectLock lock; // held while open for writing
    private final String readOnlyReason; // why nothing can be written; null when open for writing
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Map<String, PreparedStatement> writeStatements = new HashMap<>();
    private PreparedStatement cacheLookup; // on the reader connection, guarded by it
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private volatile boolean changed; // something was committed: worth a backup at close

    /** Open for writing: migrates the file, then starts the writer thread. */
    ProjectStore(Path file, Clock clock, ProjectLock lock) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.lock = lock;
        this.readOnlyReason = null;
        this.writerConnection = Connections.open(file, false);
        try {
            migrate(writerConnection, clock);
            writerConnection.setAutoCommit(false);
            this.reader = Connections.open(file, true);
        } catch (SQLException | RuntimeException e) {
            writerConnection.close();
            throw e;
        }
        this.writer = new Thread(this::writeLoop, "project-store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Open for reading only: one read-only connection, no writer, no lock. */
    ProjectStore(Path file, Clock clock, boolean immutable, String readOnlyReason) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.lock = null;
        this.readOnlyReason = readOnlyReason;
        this.writerConnection = null;
        this.reader = immutable ? Connections.immutable(file) : Connections.open(file, true);
        this.writer = null;
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

    /** Applies every step newer than the file, each in a transaction of its own with its version row. */
    private static void migrate(Connection connection, Clock clock) throws SQLException {
        int current;
        try (Statement statement = connection.createStatement()) {
            boolean hasVersions = intQuery(statement,
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") > 0;
            current = hasVersions ? intQuery(statement, "SELECT coalesce(max(version), 0) FROM schema_version") : 0;
        }
        if (current > Migrations.latest()) {
            throw new SQLException("project format " + current + " is newer than this Arbiter reads ("
                    + Migrations.latest() + ")");
        }
        for (Migrations.Migration migration : Migrations.ALL) {
            if (migration.version() <= current) {
                continue;
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS schema_version (
                            version     INTEGER PRIMARY KEY,
                            description TEXT NOT NULL,
                            applied_at  TEXT NOT NULL
                        )""");
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setString(3, clock.instant().toString());
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The project format version of the open file. */
    public int schemaVersion() {
        return read(connection -> {
            try (Statement statement = connection.createStatement()) {
                return intQuery(statement, "SELECT max(version) FROM schema_version");
            }
        });
    }

    // Runs

    /** Records a new run; {@code specJson} must name key variables only, never hold a key. */
    public long createRun(String specJson) {
        String now = now();
        return write(w -> {
            PreparedStatement insert = w.statement(
                    "INSERT INTO runs (created_at, spec_json, status) VALUES (?, ?, 'CREATED') RETURNING id");
            insert.setString(1, now);
            insert.setString(2, specJson);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        });
    }

    public void updateRunStatus(long runId, String status) {
        write(w -> {
            PreparedStatement update = w.statement("UPDATE runs SET status = ? WHERE id = ?");
            update.setString(1, status);
            update.setLong(2, runId);
            if (update.executeUpdate() == 0) {
                throw new SQLException("there is no run " + runId);
            }
            return null;
        });
    }

    public List<StoredRun> runs() {
        return read(connection -> {
            List<StoredRun> runs = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT id, created_at, spec_json, status FROM runs ORDER BY id")) {
                while (rows.next()) {
                    runs.add(new StoredRun(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3),
                            rows.getString(4)));
                }
            }
            return runs;
        });
    }

    /** The run's record, with what format 2 added; null fields where a format-1 run knew nothing. */
    public List<RunRecord> runRecords() {
        return read(connection -> {
            List<RunRecord> runs = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(RUN_RECORD_QUERY + " ORDER BY r.id")) {
                while (rows.next()) {
                    runs.add(runRecord(rows));
                }
            }
            return runs;
        });
    }

    public Optional<RunRecord> runRecord(long runId) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(RUN_RECORD_QUERY + " WHERE r.id = ?")) {
                query.setLong(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(runRecord(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Token totals come from the responses when the run has not ended, so a running or killed run shows them. */
    private static final String RUN_RECORD_QUERY = """
            SELECT r.id, r.created_at, r.spec_json, r.status, r.name, r.note, r.started_at, r.ended_at,
                   r.prompt_version_id, r.base_model, r.judge_model, r.parameters_json, r.dataset_sha256,
                   coalesce(r.base_prompt_tokens, (SELECT sum(prompt_tokens) FROM responses
                                                   WHERE run_id = r.id AND stage = 'BASE'), 0),
                   coalesce(r.base_completion_tokens, (SELECT sum(completion_tokens) FROM responses
                                                       WHERE run_id = r.id AND stage = 'BASE'), 0),
                   coalesce(r.judge_prompt_tokens, (SELECT sum(prompt_tokens) FROM responses
                                                    WHERE run_id = r.id AND stage = 'JUDGE'), 0),
                   coalesce(r.judge_completion_tokens, (SELECT sum(completion_tokens) FROM responses
                                                        WHERE run_id = r.id AND stage = 'JUDGE'), 0),
                   r.cost_usd, r.metrics_json
            FROM runs r""";

    private static RunRecord runRecord(ResultSet rows) throws SQLException {
        long promptVersion = rows.getLong(9);
        Long promptVersionId = rows.wasNull() ? null : promptVersion;
        double cost = rows.getDouble(18);
        Double costUsd = rows.wasNull() ? null : cost;
        return new RunRecord(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), instant(rows.getString(7)), instant(rows.getString(8)),
                promptVersionId, rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13),
                new Usage(rows.getLong(14), rows.getLong(15)), new Usage(rows.getLong(16), rows.getLong(17)),
                costUsd, rows.getString(19));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Records what a run is about to do; {@code startedAt} is set the first time only, so a resume keeps it. */
    public void describeRun(long runId, Long promptVersionId, String baseModel, String judgeModel,
                            String parametersJson, String datasetSha256) {
        String now = now();
        updateRun(runId, """
                UPDATE runs SET prompt_version_id = ?, base_model = ?, judge_model = ?, parameters_json = ?,
                                dataset_sha256 = ?, started_at = coalesce(started_at, ?)
                WHERE id = ?""", update -> {
            if (promptVersionId == null) {
                update.setNull(1, Types.INTEGER);
            } else {
                update.setLong(1, promptVersionId);
            }
            setNullable(update, 2, baseModel);
            setNullable(update, 3, judgeModel);
            setNullable(update, 4, parametersJson);
            setNullable(update, 5, datasetSha256);
            update.setString(6, now);
            update.setLong(7, runId);
        });
    }

    /** Records how a run ended: its status, tokens per stage, cost when known and its headline metrics. */
    public void finishRun(long runId, String status, Usage base, Usage judge, Double costUsd, String metricsJson) {
        String now = now();
        updateRun(runId, """
                UPDATE runs SET status = ?, ended_at = ?, base_prompt_tokens = ?, base_completion_tokens = ?,
                                judge_prompt_tokens = ?, judge_completion_tokens = ?, cost_usd = ?, metrics_json = ?
                WHERE id = ?""", update -> {
            update.setString(1, status);
            update.setString(2, now);
            update.setLong(3, base.promptTokens());
            update.setLong(4, base.completionTokens());
            update.setLong(5, judge.promptTokens());
            update.setLong(6, judge.completionTokens());
            if (costUsd == null) {
                update.setNull(7, Types.REAL);
            } else {
                update.setDouble(7, costUsd);
            }
            setNullable(update, 8, metricsJson);
            update.setLong(9, runId);
        });
    }

    public void renameRun(long runId, String name) {
        updateRun(runId, "UPDATE runs SET name = ? WHERE id = ?", update -> {
            setNullable(update, 1, name == null || name.isBlank() ? null : name.strip());
            update.setLong(2, runId);
        });
    }

    public void annotateRun(long runId, String note) {
        updateRun(runId, "UPDATE runs SET note = ? WHERE id = ?", update -> {
            setNullable(update, 1, note == null || note.isBlank() ? null : note.strip());
            update.setLong(2, runId);
        });
    }

    /** Deletes a run with its responses and batch ledger; the response cache keeps what was paid for. */
    public void deleteRun(long runId) {
        updateRun(runId, "DELETE FROM runs WHERE id = ?", delete -> delete.setLong(1, runId));
    }

    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void updateRun(long runId, String sql, Binding binding) {
        write(w -> {
            PreparedStatement update = w.statement(sql);
            binding.bind(update);
            if (update.executeUpdate() == 0) {
                throw new SQLException("there is no run " + runId);
            }
            return null;
        });
    }

    // The dataset copy

    /**
     * Copies a dataset into the file unless a copy of the same content is there already; returns the copy's id.
     * {@code rowsJson} holds one JSON array of cells per row, in order.
     */
    public long saveDataset(String name, String sourcePath, String sha256, String columnsJson, List<String> rowsJson) {
        String now = now();
        return write(w -> {
            PreparedStatement find = w.statement("SELECT id FROM datasets WHERE sha256 = ?");
            find.setString(1, sha256);
            try (ResultSet found = find.executeQuery()) {
                if (found.next()) {
                    long id = found.getLong(1);
                    PreparedStatement path = w.statement("UPDATE datasets SET source_path = ?, name = ? WHERE id = ?");
                    setNullable(path, 1, sourcePath);
                    path.setString(2, name);
                    path.setLong(3, id);
                    path.executeUpdate();
                    return id;
                }
            }
            PreparedStatement insert = w.statement("""
                    INSERT INTO datasets (name, source_path, sha256, columns_json, row_count, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""");
            insert.setString(1, name);
            setNullable(insert, 2, sourcePath);
            insert.setString(3, sha256);
            insert.setString(4, columnsJson);
            insert.setInt(5, rowsJson.size());
            insert.setString(6, now);
            long id;
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
            PreparedStatement row = w.statement("INSERT INTO dataset_rows (dataset_id, row, cells_json) VALUES (?, ?, ?)");
            for (int i = 0; i < rowsJson.size(); i++) {
                row.setLong(1, id);
                row.setInt(2, i);
                row.setString(3, rowsJson.get(i));
                row.addBatch();
            }
            row.executeBatch();
            return id;
        });
    }

    /** The copy of the dataset with this content, if the file has one. */
    public Optional<StoredDataset> dataset(String sha256) {
        return datasetWhere("WHERE sha256 = ?", sha256);
    }

    /** The dataset copied in last. */
    public Optional<StoredDataset> latestDataset() {
        return datasetWhere("ORDER BY id DESC LIMIT 1", null);
    }

    private Optional<StoredDataset> datasetWhere(String clause, String parameter) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, name, source_path, sha256, columns_json, row_count, saved_at FROM datasets " + clause)) {
                if (parameter != null) {
                    query.setString(1, parameter);
                }
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredDataset(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), Instant.parse(rows.getString(7))));
                }
            }
        });
    }

    /** The copy's rows in order, each a JSON array of cells. */
    public List<String> datasetRows(long datasetId) {
        return read(connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT cells_json FROM dataset_rows WHERE dataset_id = ? ORDER BY row")) {
                query.setLong(1, datasetId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
            return rows;
        });
    }

    // Settings: the column mapping, the provider profile (no key), the current prompts

    public void putSetting(String key, String value) {
        String now = now();
        write(w -> {
            PreparedStatement upsert = w.statement("""
                    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""");
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.setString(3, now);
            upsert.executeUpdate();
            return null;
        });
    }

    public Optional<String> setting(String key) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                query.setString(1, key);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    // Prompt versions

    /** Saves a prompt pair unless the same pair is saved already; returns its version id either way. */
    public long savePromptVersion(String baseText, String judgeText) {
        String now = now();
        String sha = sha256(baseText.length() + ":" + baseText + judgeText);
        return write(w -> {
            PreparedStatement insert = w.statement("""
                    INSERT INTO prompt_versions (base_text, judge_text, sha256, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (sha256) DO NOTHING""");
            insert.setString(1, baseText);
            insert.setString(2, judgeText);
            insert.setString(3, sha);
            insert.setString(4, now);
            insert.executeUpdate();
            PreparedStatement find = w.statement("SELECT id FROM prompt_versions WHERE sha256 = ?");
            find.setString(1, sha);
            try (ResultSet rows = find.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    public List<PromptVersion> promptVersions() {
        return read(connection -> {
            List<PromptVersion> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT id, base_text, judge_text, created_at FROM prompt_versions ORDER BY id")) {
                while (rows.next()) {
                    versions.add(new PromptVersion(rows.getLong(1), rows.getString(2), rows.getString(3),
                            Instant.parse(rows.getString(4))));
                }
            }
            return versions;
        });
    }

    // Human verdicts and promoted rows, per dataset content

    public void putVerdict(String datasetSha256, int row, HumanVerdict verdict) {
        write(w -> {
            PreparedStatement upsert = w.statement("""
                    INSERT INTO human_verdicts (dataset_sha256, row, base_right, note, reviewer, at, base_answer)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (dataset_sha256, row) DO UPDATE SET base_right = excluded.base_right,
                        note = excluded.note, reviewer = excluded.reviewer, at = excluded.at,
                        base_answer = excluded.base_answer""");
            upsert.setString(1, datasetSha256);
            upsert.setInt(2, row);
            upsert.setInt(3, verdict.baseRight() ? 1 : 0);
            upsert.setString(4, verdict.note());
            upsert.setString(5, verdict.reviewer());
            upsert.setString(6, verdict.at().toString());
            upsert.setString(7, verdict.answer());
            upsert.executeUpdate();
            return null;
        });
    }

    public void removeVerdict(String datasetSha256, int row) {
        write(w -> {
            PreparedStatement delete = w.statement("DELETE FROM human_verdicts WHERE dataset_sha256 = ? AND row = ?");
            delete.setString(1, datasetSha256);
            delete.setInt(2, row);
            delete.executeUpdate();
            return null;
        });
    }

    public Map<Integer, HumanVerdict> verdicts(String datasetSha256) {
        return read(connection -> {
            Map<Integer, HumanVerdict> verdicts = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT row, base_right, note, reviewer, at, base_answer FROM human_verdicts WHERE dataset_sha256 = ?")) {
                query.setString(1, datasetSha256);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        verdicts.put(rows.getInt(1), new HumanVerdict(rows.getInt(2) == 1, rows.getString(3),
                                rows.getString(4), Instant.parse(rows.getString(5)), rows.getString(6)));
                    }
                }
            }
            return verdicts;
        });
    }

    public void setPromoted(String datasetSha256, int row, boolean promoted) {
        String now = now();
        write(w -> {
            PreparedStatement change = w.statement(promoted
                    ? "INSERT INTO promoted_rows (dataset_sha256, row, promoted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                    : "DELETE FROM promoted_rows WHERE dataset_sha256 = ? AND row = ?");
            change.setString(1, datasetSha256);
            change.setInt(2, row);
            if (promoted) {
                change.setString(3, now);
            }
            change.executeUpdate();
            return null;
        });
    }

    /** In the order promoted (a row taken back and promoted again goes last), as the examples appear in the prompt. */
    public List<Integer> promotedRows(String datasetSha256) {
        return read(connection -> {
            List<Integer> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT row FROM promoted_rows WHERE dataset_sha256 = ? ORDER BY rowid")) {
                query.setString(1, datasetSha256);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getInt(1));
                    }
                }
            }
            return rows;
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    // Responses

    /** Writes one response, replacing an earlier one for the same run, stage and row; returns once it is in the file. */
    public void recordResponse(StoredResponse response) {
        String now = now();
        write(w -> {
            insertResponse(w, response, now);
            return null;
        });
    }

    /** Writes many responses in one transaction: for a downloaded batch output file. */
    public void recordResponses(Collection<StoredResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        String now = now();
        write(w -> {
            for (StoredResponse response : responses) {
                insertResponse(w, response, now);
            }
            return null;
        });
    }

    private static void insertResponse(Writer w, StoredResponse r, String now) throws SQLException {
        PreparedStatement insert = w.statement("""
                INSERT INTO responses (run_id, stage, row, text, error, prompt_tokens, completion_tokens,
                                       request_key, received_at, from_cache, reasoning, raw_body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, stage, row) DO UPDATE SET
                    text = excluded.text, error = excluded.error, prompt_tokens = excluded.prompt_tokens,
                    completion_tokens = excluded.completion_tokens, request_key = excluded.request_key,
                    received_at = excluded.received_at, from_cache = excluded.from_cache,
                    reasoning = excluded.reasoning, raw_body = excluded.raw_body""");
        insert.setLong(1, r.runId());
        insert.setString(2, r.stage());
        insert.setInt(3, r.row());
        setNullable(insert, 4, r.text());
        setNullable(insert, 5, r.error());
        insert.setLong(6, r.usage().promptTokens());
        insert.setLong(7, r.usage().completionTokens());
        setNullable(insert, 8, r.requestKey());
        insert.setString(9, now);
        insert.setInt(10, r.fromCache() ? 1 : 0);
        setNullable(insert, 11, r.reasoning());
        setNullable(insert, 12, r.rawBody());
        insert.executeUpdate();
    }

    /** Every stored response of one stage of a run, by row. */
    public Map<Integer, StoredResponse> responses(long runId, String stage) {
        checkStage(stage);
        return read(connection -> {
            Map<Integer, StoredResponse> responses = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT row, text, error, prompt_tokens, completion_tokens, request_key, from_cache, reasoning,
                           raw_body
                    FROM responses WHERE run_id = ? AND stage = ?""")) {
                query.setLong(1, runId);
                query.setString(2, stage);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int row = rows.getInt(1);
                        responses.put(row, new StoredResponse(runId, stage, row, rows.getString(2),
                                rows.getString(3), new Usage(rows.getLong(4), rows.getLong(5)), rows.getString(6),
                                rows.getInt(7) == 1, rows.getString(8), rows.getString(9)));
                    }
                }
            }
            return responses;
        });
    }

    // Response cache

    @Override
    public Optional<ChatReply> cached(String requestKey) {
        return read(connection -> {
            // Prepared once: a realtime run looks up every request, many times a second.
            if (cacheLookup == null) {
                cacheLookup = connection.prepareStatement(
                        "SELECT text, prompt_tokens, completion_tokens, reasoning FROM response_cache WHERE request_key = ?");
            }
            cacheLookup.setString(1, requestKey);
            try (ResultSet rows = cacheLookup.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChatReply(rows.getString(1), new Usage(rows.getLong(2), rows.getLong(3)), false,
                        rows.getString(4)));
            }
        });
    }

    @Override
    public void cache(String requestKey, ChatReply reply) {
        write(cacheInsert(requestKey, reply));
    }

    /**
     * Queues the reply for the cache and returns at once. The single writer commits in order, so the entry is in the
     * file once any write queued after it has returned: a run's ledger record right after it waits for both. That
     * spares each realtime request a commit of its own; a failure costs only a later cache miss.
     */
    @Override
    public void cacheSoon(String requestKey, ChatReply reply) {
        try {
            queue(cacheInsert(requestKey, reply)).exceptionally(e -> {
                cacheNotKept(e);
                return null;
            });
        } catch (StoreException e) {
            // The store is closing: the reply still goes to the run; only a later cache hit is lost.
            cacheNotKept(e);
        }
    }

    /**
     * A full or failing disk is reported once, where the run records its answers ("disk full while saving answers
     * …"); here it is only noted, without a trace, so as not to bury that message. Anything else is a bug: logged.
     */
    private void cacheNotKept(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (StoreException.kindOf(cause) != StoreException.Kind.OTHER) {
            LOG.log(Level.FINE, "Could not keep a reply in the response cache of {0}: {1}",
                    new Object[] {file, cause.getMessage()});
        } else {
            LOG.log(Level.WARNING, "Could not keep a reply in the response cache of " + file, cause);
        }
    }

    private Work<Void> cacheInsert(String requestKey, ChatReply reply) {
        String now = now();
        return w -> {
            PreparedStatement insert = w.statement("""
                    INSERT INTO response_cache (request_key, text, prompt_tokens, completion_tokens, created_at,
                                                reasoning)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_key) DO NOTHING""");
            insert.setString(1, requestKey);
            insert.setString(2, reply.content());
            insert.setLong(3, reply.usage().promptTokens());
            insert.setLong(4, reply.usage().completionTokens());
            insert.setString(5, now);
            setNullable(insert, 6, reply.reasoning());
            insert.executeUpdate();
            return null;
        };
    }

    // Batch ledger

    /** Adds a shard to the ledger or replaces what it knew of it. */
    public void upsertShard(BatchShard shard) {
        String now = now();
        write(w -> {
            PreparedStatement upsert = w.statement("""
                    INSERT INTO batch_shards (run_id, stage, shard, input_file_id, batch_id, status, line_count,
                                              output_file_id, error_file_id, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (run_id, stage, shard) DO UPDATE SET
                        input_file_id = excluded.input_file_id, batch_id = excluded.batch_id,
                        status = excluded.status, line_count = excluded.line_count,
                        output_file_id = excluded.output_file_id, error_file_id = excluded.error_file_id,
                        updated_at = excluded.updated_at""");
            upsert.setLong(1, shard.runId());
            upsert.setString(2, shard.stage());
            upsert.setInt(3, shard.shard());
            setNullable(upsert, 4, shard.inputFileId());
            setNullable(upsert, 5, shard.batchId());
            upsert.setString(6, shard.status());
            upsert.setInt(7, shard.lineCount());
            setNullable(upsert, 8, shard.outputFileId());
            setNullable(upsert, 9, shard.errorFileId());
            upsert.setString(10, now);
            upsert.executeUpdate();
            return null;
        });
    }

    /** The run's shards, by stage then shard number. */
    public List<BatchShard> shards(long runId) {
        return read(connection -> {
            List<BatchShard> shards = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT stage, shard, input_file_id, batch_id, status, line_count, output_file_id,
                           error_file_id, updated_at
                    FROM batch_shards WHERE run_id = ? ORDER BY stage, shard""")) {
                query.setLong(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        shards.add(new BatchShard(runId, rows.getString(1), rows.getInt(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7),
                                rows.getString(8), Instant.parse(rows.getString(9))));
                    }
                }
            }
            return shards;
        });
    }

    static void checkStage(String stage) {
        if (!"BASE".equals(stage) && !"JUDGE".equals(stage)) {
            throw new IllegalArgumentException("Stage must be BASE or JUDGE, not " + stage);
        }
    }

    // The writer thread

    /** One unit of work on the writer connection; it runs inside a transaction shared with other callers. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Writer writer) throws SQLException;
    }

    private record Job<T>(Work<T> work, CompletableFuture<T> done) {
    }

    /** What a {@link Work} may touch: the writer connection's statements, prepared once and reused. */
    private final class Writer {
        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = writeStatements.get(sql);
            if (statement == null) {
                statement = writerConnection.prepareStatement(sql);
                writeStatements.put(sql, statement);
            }
            return statement;
        }
    }

    private <T> T write(Work<T> work) {
        CompletableFuture<T> done = queue(work);
        try {
            return done.join();
        } catch (CompletionException e) {
            throw new StoreException("Could not write to the project " + file + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Hands the work to the writer thread; the future completes once its transaction is committed. */
    private <T> CompletableFuture<T> queue(Work<T> work) {
        if (readOnlyReason != null) {
            throw new StoreException(readOnlyReason + ".", null, StoreException.Kind.READ_ONLY);
        }
        Job<T> job = new Job<>(work, new CompletableFuture<>());
        synchronized (lifecycle) { // so no job is queued after the writer has drained the queue and left
            if (closed) {
                throw new StoreException("The project " + file + " is closed.", null);
            }
            queue.add(job);
        }
        return job.done();
    }

    /**
     * Caps the file at its size now plus {@code morePages} pages, or lifts the cap when negative: SQLite's
     * {@code max_page_count} on the writing connection, past which it answers SQLITE_FULL exactly as on a full disk.
     * For tests of a full disk; returns the cap in force.
     */
    long capPages(long morePages) {
        return write(w -> {
            try (Statement statement = writerConnection.createStatement()) {
                long cap = morePages < 0 ? 4_294_967_294L
                        : intQuery(statement, "PRAGMA page_count") + morePages;
                try (ResultSet result = statement.executeQuery("PRAGMA max_page_count = " + cap)) {
                    return result.next() ? result.getLong(1) : cap;
                }
            }
        });
    }

    /** True when the project was opened for reading only, or where nothing can be written. */
    public boolean readOnly() {
        return readOnlyReason != null;
    }

    private void writeLoop() {
        Writer w = new Writer();
        List<Job<?>> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commitGroup(w, group);
            } catch (InterruptedException e) {
                // Only close() stops the writer; it drains the queue first.
            } finally {
                group.clear();
            }
        }
    }

    /** Runs each job under its own savepoint, so one bad job fails alone, then commits them all at once. */
    private void commitGroup(Writer w, List<Job<?>> group) {
        List<Object> results = new ArrayList<>(group.size());
        try (Statement control = writerConnection.createStatement()) {
            for (Job<?> job : group) {
                control.execute("SAVEPOINT job");
                try {
                    results.add(job.work().run(w));
                    control.execute("RELEASE job");
                } catch (SQLException | RuntimeException e) {
                    undoJob(control, e);
                    results.add(new Failed(e));
                }
            }
            writerConnection.commit();
        } catch (SQLException e) {
            beginAgain();
            group.forEach(job -> job.done().completeExceptionally(e));
            return;
        }
        if (results.stream().anyMatch(result -> !(result instanceof Failed))) {
            changed = true;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
        }
    }

    /**
     * Rolls one job back to its savepoint. On a full disk or an I/O error SQLite rolls back the whole transaction
     * itself, savepoints and all; then the job's own failure is rethrown so that the whole group fails with it.
     */
    private static void undoJob(Statement control, Exception failure) throws SQLException {
        try {
            control.execute("ROLLBACK TO job");
            control.execute("RELEASE job");
        } catch (SQLException transactionGone) {
            SQLException cause = failure instanceof SQLException sql ? sql
                    : new SQLException(failure.getMessage(), failure);
            cause.addSuppressed(transactionGone);
            throw cause;
        }
    }

    /**
     * After a failed group: rolls back whatever SQLite kept of the transaction and begins the next, as the driver
     * (auto-commit off) expects; without this, later writes would commit one by one and every commit would fail.
     * The prepared statements are prepared afresh: the driver may have closed them with the failed transaction.
     */
    private void beginAgain() {
        for (PreparedStatement statement : writeStatements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closed already
            }
        }
        writeStatements.clear();
        try (Statement control = writerConnection.createStatement()) {
            try {
                control.execute("ROLLBACK");
            } catch (SQLException alreadyRolledBack) {
                // SQLite ended the transaction itself
            }
            control.execute("BEGIN");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "A transaction is open already on " + file, e);
        }
    }

    private record Failed(Exception cause) {
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Object result) {
        if (result instanceof Failed failed) {
            job.done().completeExceptionally(failed.cause());
        } else {
            job.done().complete((T) result);
        }
    }

    /**
     * Writes a consistent copy of the whole project to {@code target} (replaced if it exists), including what the
     * write-ahead log holds: SQLite's {@code VACUUM INTO} reads a snapshot, so writes may go on meanwhile.
     */
    public void copyTo(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (absolute.equals(file)) {
            return;
        }
        Files.deleteIfExists(absolute);
        read(connection -> {
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, absolute.toString());
                vacuum.execute();
            }
            return null;
        });
    }

    // Reading

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> query) {
        synchronized (reader) {
            if (closed) {
                throw new StoreException("The project " + file + " is closed.", null);
            }
            try {
                return query.run(reader);
            } catch (SQLException e) {
                throw new StoreException("Could not read the project " + file + ": " + e.getMessage(), e);
            }
        }
    }

    static int intQuery(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    /**
     * Writes a backup of the project beside it now ({@link ProjectBackup}); false when it could not (then the
     * backups there are as they were). For an explicit save; closing a project that changed backs it up too.
     */
    public boolean backUp() {
        if (readOnly()) {
            return false;
        }
        synchronized (reader) {
            return !closed && ProjectBackup.write(reader, file);
        }
    }

    /** Finishes every queued write, backs the project up if it changed, releases its lock and closes the file. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (writer == null) {
            synchronized (reader) {
                closeQuietly(reader);
            }
            return;
        }
        // The connection may only close once the writer has committed what it holds, even if this thread is
        // interrupted meanwhile (a cancelled task closing the project): wait it out, then restore the flag.
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (reader) {
            try {
                if (changed) {
                    ProjectBackup.write(reader, file);
                }
                for (PreparedStatement statement : writeStatements.values()) {
                    statement.close();
                }
                if (cacheLookup != null) {
                    cacheLookup.close();
                }
                reader.close();
                writerConnection.close();
            } catch (SQLException e) {
                throw new StoreException("Could not close the project " + file + ": " + e.getMessage(), e);
            } finally {
                lock.close(); // after the connections: the next process finds the file as this one left it
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a read-only connection", e);
        }
    }
}
